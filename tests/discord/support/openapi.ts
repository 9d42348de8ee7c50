// Checks what the bot sent against Discord's official OpenAPI description (request body schema
// found by path and method), plus the documented limits JSON Schema cannot express.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ajv2020 from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** Discord's description, vendored with its licence (vendor/discord-api-spec/README.md). */
export const SPEC_FILE = fileURLToPath(new URL('../../../vendor/discord-api-spec/openapi.json', import.meta.url));

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
}

// ajv ships CommonJS with a `default` export; under NodeNext the class sits on `.default`.
type AjvClass = typeof import('ajv/dist/2020.js').default;
const Ajv = ((ajv2020 as unknown as { default: AjvClass }).default ?? ajv2020) as AjvClass;
type AddFormats = typeof import('ajv-formats').default;
const addFormats = ((ajvFormats as unknown as { default: AddFormats }).default ?? ajvFormats) as AddFormats;

/** A request the bot sent, as a fake server captured it. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

const pointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

export class DiscordSpec {
  private readonly spec: Spec;
  private readonly ajv: InstanceType<AjvClass>;
  private readonly templates: { template: string; pattern: RegExp; params: number }[];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
    this.ajv.addFormat('nonce', true);
    this.ajv.addSchema(this.spec, 'discord-openapi.json');
    this.templates = Object.keys(this.spec.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    }));
  }

  /** The spec path for a concrete path, preferring literal segments (`@original` over `{message_id}`). */
  templateFor(path: string): string | undefined {
    const matches = this.templates.filter((t) => t.pattern.test(path)).sort((a, b) => a.params - b.params);
    return matches[0]?.template;
  }

  /** Schema errors for a request body; throws when the spec has no JSON body for the route. */
  errors(method: string, path: string, body: unknown): string[] {
    const template = this.templateFor(path);
    const operation = template ? this.spec.paths[template]?.[method.toLowerCase()] : undefined;
    if (!template || !operation?.requestBody?.content?.['application/json']) {
      throw new Error(`Discord's OpenAPI description has no JSON body for ${method} ${path}`);
    }
    const key = `${method} ${template}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const ref = `discord-openapi.json#/paths/${pointer(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
      validate = this.ajv.getSchema(ref)!;
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}

let shared: DiscordSpec | undefined;
export const discordSpec = (): DiscordSpec => (shared ??= new DiscordSpec());

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

/** Characters Discord counts toward the 6,000 per message. */
export function embedChars(embeds: readonly EmbedLike[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum + (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/** The message a request carries, if any: callback `data`, or the body itself. */
export function messageOf(request: SentRequest): Record<string, unknown> | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || Array.isArray(body)) return undefined;
  const message = request.path.endsWith('/callback') ? (body.data as Record<string, unknown> | undefined) : body;
  return message && ('embeds' in message || 'content' in message) ? message : undefined;
}

/** Every request with a body: valid per the spec, within the 6,000 total, and pinging nobody. */
export function problemsIn(requests: readonly SentRequest[]): string[] {
  const problems: string[] = [];
  for (const request of requests) {
    if (request.body === undefined) continue;
    const where = `${request.method} ${request.path}`;
    for (const e of discordSpec().errors(request.method, request.path, request.body)) problems.push(`${where}: ${e}`);
    const message = messageOf(request);
    if (!message) continue;
    const mentions = message.allowed_mentions as { parse?: unknown[] } | undefined;
    if (!mentions || !Array.isArray(mentions.parse) || mentions.parse.length > 0 || 'users' in mentions || 'roles' in mentions) {
      problems.push(`${where}: allowed_mentions is ${JSON.stringify(mentions)}, not { parse: [] }`);
    }
    const total = embedChars((message.embeds ?? []) as EmbedLike[]);
    if (total > 6000) problems.push(`${where}: embeds hold ${total} characters (limit 6000)`);
  }
  return problems;
}
