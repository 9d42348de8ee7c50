// Renders a view as plain text for the console (and as the fallback text of chat messages).
import { visibleControls } from './text.js';
import { formatInvocation } from './text-syntax.js';
import { pagerLabel, type Line, type Span, type View } from './view.js';

export interface TextStyle {
  /** ANSI bold/italic/highlight for terminals; plain markers otherwise. */
  color: boolean;
}

const ANSI = { bold: '\x1b[1m', italic: '\x1b[3m', code: '\x1b[36m', highlight: '\x1b[1;33m', reset: '\x1b[0m' };

function renderSpan(s: Span, style: TextStyle): string {
  // Stored text reaches a terminal here: its control characters are shown, never obeyed.
  let text = visibleControls(s.text);
  if (s.href) text = `${text} <${s.href}>`;
  if (!s.style) return text;
  if (style.color) return `${ANSI[s.style]}${text}${ANSI.reset}`;
  if (s.style === 'highlight') return `«${text}»`;
  return s.style === 'code' ? `\`${text}\`` : text;
}

export function renderLine(line: Line, style: TextStyle = { color: false }): string {
  return line.map((s) => renderSpan(s, style)).join('');
}

export function renderText(view: View, style: TextStyle = { color: false }): string {
  const out: string[] = [];
  const title = visibleControls(view.tone === 'error' ? `✖ ${view.title}` : view.title);
  out.push(style.color ? `${ANSI.bold}${title}${ANSI.reset}` : title);
  for (const line of view.intro ?? []) out.push(renderLine(line, style));
  if (view.facts && view.facts.length > 0) {
    const width = Math.max(...view.facts.map((f) => f.label.length));
    for (const fact of view.facts) out.push(`  ${fact.label.padEnd(width)}  ${renderLine(fact.value, style)}`);
  }
  for (const section of view.sections) {
    out.push('');
    if (section.heading) out.push(renderLine(section.heading, style));
    for (const line of section.lines) out.push(`    ${renderLine(line, style)}`);
  }
  const pager = view.pager;
  if (pager && (pager.next || pager.previous)) {
    out.push('');
    out.push(`${pagerLabel(pager)}.`);
    if (pager.previous) out.push(`Previous page: ${formatInvocation(pager.previous)}`);
    if (pager.next) out.push(`Next page: ${formatInvocation(pager.next)}`);
  }
  if (view.footer) {
    out.push('');
    out.push(visibleControls(view.footer));
  }
  return out.join('\n');
}
