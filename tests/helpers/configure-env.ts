// A reader of `.env.example` files in the format of twilio-labs/configure-env (docs/SCHEMA.md): comment
// lines `# description: ...`, `# format: ...`, `# required: ...`, `# link: ...` right before a variable
// declaration annotate it; an empty line ends a block. It also reports what configure-env would
// silently drop or reject, so a test can insist on a file every Twilio tool reads the same way.

/** configure-env's base formats; `list(X)`, `map(X,Y)` and `file(json)` build on them. */
export const BASE_FORMATS = ['text', 'phone_number', 'email', 'url', 'sid', 'integer', 'number', 'secret'] as const;

const ANNOTATIONS = ['description', 'format', 'required', 'link', 'default', 'configurable', 'contentKey'] as const;
type Annotation = (typeof ANNOTATIONS)[number];

export interface Declaration {
  readonly key: string;
  /** 1-based line of the declaration. */
  readonly line: number;
  /** The value written after `=` (the default configure-env offers), '' when empty. */
  readonly value: string;
  /**
   * Only the annotations actually written:
   * configure-env's defaults (required: true, format: text) are not filled in.
   */
  readonly annotations: Readonly<Partial<Record<Annotation, string>>>;
}

export interface ParsedEnvExample {
  readonly declarations: readonly Declaration[];
  /** Each thing configure-env would reject or silently ignore, with its line. */
  readonly problems: readonly string[];
}

export function isConfigureEnvFormat(format: string): boolean {
  const base = (f: string): boolean => (BASE_FORMATS as readonly string[]).includes(f.trim());
  const inner = /^(list|map|file)\((.*)\)$/.exec(format.trim());
  if (inner === null) return base(format);
  const [, kind, args] = inner;
  if (kind === 'list') return base(args);
  if (kind === 'file') return args.trim() === 'json';
  const parts = args.split(',');
  return parts.length === 2 && parts.every(base);
}

function checkAnnotation(name: Annotation, value: string, line: number): string | undefined {
  if (name === 'format' && !isConfigureEnvFormat(value)) {
    return (
      `line ${line}: format "${value}" is not a configure-env format ` +
      `(${BASE_FORMATS.join(', ')}, list(X), map(X,Y), file(json))`
    );
  }
  if ((name === 'required' || name === 'configurable') && !/^(true|false)$/.test(value)) {
    return `line ${line}: ${name} must be true or false, not "${value}"`;
  }
  if (name === 'link' && !/^https?:\/\/\S+$/.test(value)) return `line ${line}: link "${value}" is not a URL`;
  return undefined;
}

export function parseEnvExample(text: string): ParsedEnvExample {
  const declarations: Declaration[] = [];
  const problems: string[] = [];
  let block: Partial<Record<Annotation, string>> = {};
  let blockStart = 0;
  const endBlock = (line: number): void => {
    if (Object.keys(block).length > 0) {
      problems.push(
        `lines ${blockStart}-${line - 1}: annotations followed by no variable ` +
          '(a commented-out "# NAME=" is only a comment): configure-env drops them',
      );
    }
    block = {};
  };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return endBlock(line);
    if (trimmed.startsWith('#')) {
      const match = /^#\s*([A-Za-z]+):(.*)$/.exec(trimmed);
      const name = ANNOTATIONS.find((a) => a === match?.[1]);
      if (match === null || name === undefined) return;
      if (Object.keys(block).length === 0) blockStart = line;
      const value = match[2].trim();
      if (block[name] !== undefined) problems.push(`line ${line}: a second "${name}" for the same variable`);
      const problem = checkAnnotation(name, value, line);
      if (problem !== undefined) problems.push(problem);
      block[name] = value;
      return;
    }
    const eq = trimmed.indexOf('=');
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    // configure-env accepts only these characters in a key (its character class leaves out 0).
    if (eq < 0 || !/^[A-Za-z1-9_]+$/.test(key)) {
      problems.push(`line ${line}: "${trimmed}" is not a declaration NAME=value that configure-env accepts`);
    } else {
      declarations.push({ key, line, value: trimmed.slice(eq + 1).trim(), annotations: block });
    }
    block = {};
  });
  endBlock(text.split('\n').length + 1);
  return { declarations, problems };
}
