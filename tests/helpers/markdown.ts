// Just enough of Markdown to check the README and docs/: fenced code blocks, headings, inline links, and the
// anchors GitHub gives headings.

export interface CodeBlock {
  /** The info string after the opening fence: `sh`, `json`, or ''. */
  readonly lang: string;
  readonly text: string;
}

const FENCE = /^```(\S*)\n([\s\S]*?)^```$/gm;

export const codeBlocks = (markdown: string): CodeBlock[] =>
  [...markdown.matchAll(FENCE)].map((m) => ({ lang: m[1], text: m[2] }));

/** The text outside fenced code blocks and inline code spans: where a link or a heading can be. */
export const prose = (markdown: string): string =>
  markdown
    .replace(FENCE, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));

/** The headings' texts (`## Two-way relay` -> `Two-way relay`), outside code blocks. */
export const headings = (markdown: string): string[] =>
  [...markdown.replace(FENCE, '').matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm)].map((m) => m[1]);

/**
 * The anchor GitHub gives a heading: its rendered text (code spans keep their text, links their label, emphasis
 * markers go), lower-cased, without punctuation but `-` and `_`, each space a `-`.
 */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1');
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor of a document; a repeated heading's gets `-1`, `-2`... as on GitHub. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const all = new Set<string>();
  for (const heading of headings(markdown)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    all.add(count === 0 ? base : `${base}-${count}`);
  }
  return all;
}

export interface Link {
  readonly target: string;
  /** 1-based line of the link. */
  readonly line: number;
}

/** Inline links and images `[text](target)` outside code, with no scheme (`https:`, `mailto:`...). */
export function relativeLinks(markdown: string): Link[] {
  const text = prose(markdown);
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .filter((m) => !/^[a-z][a-z0-9+.-]*:/i.test(m[1]))
    .map((m) => ({ target: m[1], line: text.slice(0, m.index).split('\n').length }));
}

/** The text under each heading, up to the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
  // Found where code blocks are blanked out: a `# comment` in a shell block is no heading.
  const masked = markdown.replace(FENCE, (block) => block.replace(/[^\n]/g, ' ')).split('\n');
  const start = masked.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start === -1) return '';
  const level = masked[start].indexOf(' ');
  const end = masked.findIndex((line, i) => i > start && /^#{1,6} /.test(line) && line.indexOf(' ') <= level);
  return markdown
    .split('\n')
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n');
}
