// Renders a view as plain text for the console (and as the fallback text of chat messages).
import { invocationRef, type CommandSpelling } from './command-refs.js';
import { visibleControls } from './text.js';
import { commandText, pagerLabel, type Line, type Span, type View } from './view.js';

export interface TextStyle {
  /** ANSI bold/italic/highlight for terminals; plain markers otherwise. */
  color: boolean;
  /**
   * Without color, code spans keep Markdown backticks (chat fallback text, where they are
   * markup); false drops them, for output read as plain text (a pipe, a file).
   */
  codeMarks?: boolean;
  /** How the platform spells command references; as defined (`/entry show 3`) when unset. */
  spell?: CommandSpelling;
}

/**
 * Around a highlighted word where there is no color: ⟦ ⟧ occur in no language's prose, where « »
 * quote in French and Arabic (`(وفق «رويترز»)` would read `««رويترز»»`); they mirror in
 * right-to-left text as brackets do, and carry no markup on Slack.
 */
export const HIGHLIGHT_MARKS = ['⟦', '⟧'] as const;

const ANSI = { bold: '\x1b[1m', italic: '\x1b[3m', code: '\x1b[36m', highlight: '\x1b[1;33m', reset: '\x1b[0m' };

function renderSpan(s: Span, style: TextStyle): string {
  // Stored text reaches a terminal here: its control characters are shown, never obeyed.
  let text = visibleControls(s.command && style.spell ? style.spell(s.command) : s.text);
  // A link shown as its own address is printed once.
  if (s.href && s.href !== s.text) text = `${text} <${s.href}>`;
  if (!s.style) return text;
  if (style.color) return `${ANSI[s.style]}${text}${ANSI.reset}`;
  if (s.style === 'highlight') return `${HIGHLIGHT_MARKS[0]}${text}${HIGHLIGHT_MARKS[1]}`;
  return s.style === 'code' && style.codeMarks !== false ? `\`${text}\`` : text;
}

export function renderLine(line: Line, style: TextStyle = { color: false }): string {
  return line.map((s) => renderSpan(s, style)).join('');
}

export function renderText(view: View, style: TextStyle = { color: false }): string {
  const spell = style.spell ?? commandText;
  const out: string[] = [];
  const titleText = view.titleCommand ? spell(view.titleCommand) : view.title;
  // A refusal's title says so in words (`Cannot do that`), as on every platform: no sign a screen reader reads by name.
  const title = visibleControls(titleText);
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
    if (pager.previous) out.push(`Previous page: ${spell(invocationRef(pager.previous))}`);
    if (pager.next) out.push(`Next page: ${spell(invocationRef(pager.next))}`);
  }
  if (view.footer) {
    out.push('');
    out.push(renderLine(view.footer, style));
  }
  return out.join('\n');
}
