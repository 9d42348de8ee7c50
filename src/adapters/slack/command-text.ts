// What a slash command's `text` needs before the core's parser sees it: Slack's HTML entities
// undone, and the adapter's own `--public` flag taken out.

/** Slack sends &, < and > in a command's text as entities; the parser wants what was typed. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `--public`, also as phones and macOS turn `--` into a dash: `—public`, `–public`. */
const PUBLIC_FLAG = /^(?:--|—|–)public$/i;
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };

export interface CommandText {
  /** The text with the flag removed, for the core's parser. */
  text: string;
  /** The user asked for the answer to be shown in the channel. */
  public: boolean;
}

/**
 * Removes every whitespace-separated `--public` outside quotes, so `/search "--public"` still
 * searches for it.
 */
export function extractPublicFlag(input: string): CommandText {
  const kept: string[] = [];
  let isPublic = false;
  let closing: string | undefined;
  let token = '';
  const endToken = () => {
    if (PUBLIC_FLAG.test(token)) isPublic = true;
    else if (token) kept.push(token);
    token = '';
  };
  for (const ch of input) {
    if (closing !== undefined) {
      token += ch;
      if (ch === closing) closing = undefined;
    } else if (/\s/.test(ch)) {
      endToken();
    } else {
      if (ch in QUOTES) closing = QUOTES[ch];
      token += ch;
    }
  }
  endToken();
  // Whitespace inside quotes is kept by the token; between tokens one space is enough.
  return { text: kept.join(' '), public: isPublic };
}
