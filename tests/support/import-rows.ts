// Synthetic import rows over the seed's actors, for import tests and the import benchmark.
const ACTORS = ['Syria', 'Israel', 'United States', 'Tom Barrack', 'Ron Dermer', 'Asaad al-Shaibani', 'Azerbaijan'];
const ROLES = ['initiator', 'target', 'mediator', 'participant', 'host', 'subject'];
const TYPES = ['talks', 'statement', 'air-strike', 'incursion', 'agreement', 'humanitarian'];
const PLACES = ['Damascus', 'Paris', 'Baku', 'Sweida province', 'Golan Heights', 'Quneitra'];

export interface ImportRow {
  title: string;
  summary: string;
  date: string;
  type: string;
  topic: string;
  places: string;
  actors: string;
  source_url: string;
  outlet: string;
  attribution: string;
  confidence: string;
  tags: string;
}

export function importRow(i: number): ImportRow {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    title: `Synthetic update ${i}`,
    summary: `Row ${i} of a generated import: ${PLACES[i % PLACES.length]} contacts continue.`,
    date: i % 3 === 0 ? `2024-${month}` : `2024-${month}-${day}`,
    type: TYPES[i % TYPES.length]!,
    topic: i % 2 === 0 ? 'syria-israel' : 'golan',
    places: `${PLACES[i % PLACES.length]}, ${PLACES[(i + 1) % PLACES.length]}`,
    actors: `${ACTORS[i % ACTORS.length]}:${ROLES[i % ROLES.length]}, ${ACTORS[(i + 3) % ACTORS.length]}:participant`,
    source_url: `https://news.example.org/story/${i}`,
    outlet: 'Example Wire',
    attribution: 'Officials, to Example Wire',
    confidence: i % 5 === 0 ? 'claimed' : 'reported',
    tags: `synthetic, batch-${i % 10}`,
  };
}

export function ndjson(count: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i += 1) lines.push(JSON.stringify(importRow(i)));
  return `${lines.join('\n')}\n`;
}
