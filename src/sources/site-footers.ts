// What a publishing platform writes after an item's text in its feed: WordPress SEO plugins'
// "The post … appeared first on …" line, themes' "Continue reading" link, the excerpt's "[…]".
// None of it is the item's text; left in, it would fill review cards and, approved, entries'
// summaries. Only such words at the end of the text are taken out (a plugin's line only when it
// names the item's title), so prose that mentions "the post" or "read more" keeps its words.

/**
 * A plugin's line naming the post and the site: it opens, names the post by its title, then says
 * where it appeared first. The title must be the item's: prose that happens to read "The post …
 * appeared first on …" is left whole.
 */
interface SiteLine {
  opens: string;
  between: readonly string[];
  /** Words after the site's name, where the language puts them there. */
  ends?: RegExp;
}

/** Yoast SEO's default line (`rssafter`) in the languages of the outlets Sitrep is used to follow. */
const SITE_LINES: readonly SiteLine[] = [
  { opens: 'The post ', between: [' appeared first on '] },
  { opens: 'L’article ', between: [' est apparu en premier sur '] },
  { opens: "L'article ", between: [' est apparu en premier sur '] },
  { opens: 'La entrada ', between: [' se publicó primero en '] },
  { opens: 'Der Beitrag ', between: [' erschien zuerst auf '] },
  { opens: 'ظهرت المقالة ', between: [' أولاً على ', ' أولا على '] },
  // `TITLE yazısı ilk önce SITE üzerinde ortaya çıktı.`
  { opens: '', between: [' yazısı ilk önce '], ends: /\süzerinde ortaya çıktı\.?$/ },
];

/** A site's name is short: a longer tail after the line's words is the item's own text. */
const MAX_SITE_NAME = 200;
/** Room for the line's words and those a language puts after the site's name. */
const SITE_LINE_REACH = 60;
/** Any line's words between the post and the site. */
const SITE_LINE_WORDS = new RegExp(SITE_LINES.flatMap((line) => line.between.map((words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|'));

/**
 * A theme's link to the article, after the excerpt: `Continue reading "TITLE" →`, `Read more…`.
 * As themes write it, capitalised: "… urged people to read more." is prose.
 */
const READ_MORE =
  /(^|\s|[.…!?:;»”"')\]])(?:Continue reading|Continue Reading|Keep reading|Read more|Read More|READ MORE|Read the full (?:story|article)|Lire la suite|Leer más|Seguir leyendo|Weiterlesen|Devamını oku|اقرأ المزيد)(?:\s*(?:→|»|›|\.{3}|…))?(?:\s*[“"«‘'][^“”"«»]{1,400}[”"»’'])?(?:\s*(?:→|»|›|\.{3}|…))?$/;
/** The link's words, a quoted title and arrows fit in this much of the end. */
const READ_MORE_REACH = 600;
/** WordPress's excerpt ends in `[…]` where the text was cut. */
const EXCERPT_CUT = /\s*\[(?:…|\.\.\.)\]$/;

/** The text without a platform's footer lines and links at its end; `title` is the item's title. */
export function withoutSiteFooter(text: string, title: string): string {
  let kept = withoutSiteLine(text, title).trimEnd();
  // The link is near the end: the rest of a long text need not be searched. The search starts
  // after a space, so a match at its start opens a word.
  const from = kept.length > READ_MORE_REACH ? kept.indexOf(' ', kept.length - READ_MORE_REACH) + 1 : 0;
  const more = READ_MORE.exec(kept.slice(from));
  if (more) kept = kept.slice(0, from + more.index + (more[1] ?? '').length).trimEnd();
  return kept.endsWith(']') ? kept.replace(EXCERPT_CUT, '…') : kept;
}

/** The text cut where its plugin line opens, when it ends in one naming the item's title. */
function withoutSiteLine(text: string, title: string): string {
  // The line's words come within a site's name of the end: one search spares most texts the rest.
  if (title === '' || !SITE_LINE_WORDS.test(text.slice(-(MAX_SITE_NAME + SITE_LINE_REACH)))) return text;
  for (const line of SITE_LINES) {
    for (const between of line.between) {
      const named = line.opens + title + between;
      const opens = text.lastIndexOf(named);
      if (opens === -1 || !opensWord(text, opens)) continue;
      const site = text.slice(opens + named.length);
      if (line.ends && !line.ends.test(site)) continue;
      const name = line.ends ? site.replace(line.ends, '') : site;
      if (name.length <= MAX_SITE_NAME) return text.slice(0, opens);
    }
  }
  return text;
}

const opensWord = (text: string, at: number) => at === 0 || /\s/.test(text.charAt(at - 1));
