// The element names that make `<name …>` markup in feed text. Outlets escape words in angle
// brackets (`report <fabricated>`, `near <Sweida>`) the way they escape tags, so only a name HTML
// knows is taken for a tag; any other bracketed word is text a reader should see.

/** Every HTML element, current and obsolete (WHATWG HTML), and the SVG and MathML roots. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  [
    // Document, sections and grouping.
    'html head title base link meta style body article section nav aside h1 h2 h3 h4 h5 h6 hgroup header footer address',
    'p hr pre blockquote ol ul menu li dl dt dd figure figcaption main search div',
    // Text-level.
    'a em strong small s cite q dfn abbr ruby rt rp data time code var samp kbd sub sup i b u mark bdi bdo span br wbr',
    // Edits, embedded content, tables, forms, scripting.
    'ins del picture source img iframe embed object param video audio track map area svg math',
    'table caption colgroup col tbody thead tfoot tr td th',
    'form label input button select datalist optgroup option textarea output progress meter fieldset legend',
    'details summary dialog script noscript template slot canvas',
    // Obsolete elements old feeds still carry.
    'acronym applet basefont bgsound big blink center dir font frame frameset image isindex keygen listing marquee',
    'menuitem multicol nextid nobr noembed noframes plaintext rb rtc spacer strike tt xmp',
    // MathML a formula is written in: its text (the figures and signs) is kept.
    'mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mtable mtr mtd mspace mstyle semantics annotation',
  ]
    .join(' ')
    .split(' '),
);

/** Elements that end a line or block: a space keeps their words apart once the tags are gone. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'p br div li ul ol tr td th h1 h2 h3 h4 h5 h6 blockquote section article header footer hr table dt dd figcaption pre'.split(' '),
);

/** Elements whose content is not text a reader sees: dropped with their tags. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'svg']);
