// Keys of cell texts, and what a whole-cell regular expression says about them: the
// TextFinder's index (cell-index.ts) finds the few cells a search can match without testing the
// pattern against every cell of the spreadsheet. Nothing here decides a match: the finder tests
// its pattern on every candidate, so a key may only ever let through more cells, never fewer.
//
// The key of a text keeps its letters and digits, ASCII or full-width, in ASCII lower case, and
// its kana and kanji as they are, and drops every other character; then each run of digits loses its leading zeros ("BN-00012" and
// "bn 12" both give "bn12"). Every character the pattern engine (a JavaScript RegExp with the
// 'u' flag, and 'i' unless the finder matches case) can take for a letter or digit of the
// pattern gives that letter or digit (the Kelvin sign gives k and the long s gives s: the only
// other characters Unicode case folding sends to ASCII letters); a test checks this over every
// character of the Basic Multilingual Plane.
//
// What a pattern can match is worked out from its syntax (alternatives, groups, character
// classes, quantifiers) as the finite set of keys its matches can have. When that set is not
// finite or the syntax is beyond what is modelled here (look-arounds, back references, …), the
// analysis answers null and the finder reads every cell, as it always may.

/** The key character of one code point, or '' when the key drops it. */
function keyChar(cp: number): string {
  if (cp >= 0x30 && cp <= 0x39) return String.fromCharCode(cp);
  if (cp >= 0x61 && cp <= 0x7a) return String.fromCharCode(cp);
  if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 0x20);
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(cp - 0xff10 + 0x30);
  if (cp >= 0xff21 && cp <= 0xff3a) return String.fromCharCode(cp - 0xff21 + 0x61);
  if (cp >= 0xff41 && cp <= 0xff5a) return String.fromCharCode(cp - 0xff41 + 0x61);
  if (cp === 0x212a) return 'k';
  if (cp === 0x17f) return 's';
  return ideographic(cp) ? String.fromCharCode(cp) : '';
}

/**
 * Kana and kanji (Japanese names and words): kept as themselves. They have no case, so a
 * pattern's character matches only itself among them.
 */
function ideographic(cp: number): boolean {
  return (
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff)
  );
}

/** Whether a range of code points reaches kana or kanji. */
function reachesIdeographic(a: number, b: number): boolean {
  return !(b < 0x3041 || (a > 0x3096 && b < 0x30a1) || (a > 0x30fa && b < 0x3400) || a > 0x9fff);
}

/** Whether the key keeps this code point (as a letter or digit). */
export function keeps(cp: number): boolean {
  return keyChar(cp) !== '';
}

/** Each run of digits without its leading zeros (one zero stays of a run of zeros). */
function stripZeros(raw: string): string {
  return raw.includes('0') ? raw.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1') : raw;
}

/**
 * The key of a cell's displayed text: its key characters, each run of digits without its leading
 * zeros (stripZeros, done in the same pass: a run of zeros only keeps one).
 */
export function textKey(text: string): string {
  let key = '';
  let inRun = false;
  // Whether the digit run so far is only zeros (none of them written yet).
  let zeros = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let ch: string;
    // The common case first: ASCII.
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) ch = text[i];
      else if (code >= 0x41 && code <= 0x5a) ch = String.fromCharCode(code + 0x20);
      else continue;
    } else {
      ch = keyChar(code);
      if (ch === '') continue;
    }
    if (ch >= '0' && ch <= '9') {
      if (!inRun) {
        inRun = true;
        zeros = ch === '0';
        if (!zeros) key += ch;
      } else if (zeros) {
        if (ch !== '0') {
          key += ch;
          zeros = false;
        }
      } else key += ch;
      continue;
    }
    if (inRun && zeros) key += '0';
    inRun = false;
    zeros = false;
    key += ch;
  }
  if (inRun && zeros) key += '0';
  return key;
}

/** Characters the separators of a list are: /[\s,]/u (whitespace and the comma). */
const SEPARATOR = /[\s,]/u;

/** The keys of the parts of a text split at each separator (only when it has one). */
export function tokenKeys(text: string): string[] | null {
  if (!SEPARATOR.test(text)) return null;
  const keys = new Set<string>();
  for (const part of text.split(/[\s,]/u)) if (part !== '') keys.add(textKey(part));
  return [...keys];
}

// --- the pattern's syntax ---

type Node =
  | {
      t: 'atom';
      src: string;
      /** Whether it can match a character the key drops. */
      canDrop: boolean;
      sepOnly: boolean;
      /** Kana and kanji it matches (found by parsing: too many to probe). */
      kept: string[];
      /** Whether it matches more kana or kanji than can be listed (then no keys). */
      unbounded: boolean;
    }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'start' }
  | { t: 'end' };

class Unsupported extends Error {}

const SYNTAX = '^$\\.*+?()[]{}|/';

/** Characters a key keeps, one of each (for probing what an atom matches). */
function keptProbes(): string[] {
  const out: string[] = [];
  const add = (from: number, to: number) => {
    for (let c = from; c <= to; c++) out.push(String.fromCharCode(c));
  };
  add(0x30, 0x39);
  add(0x41, 0x5a);
  add(0x61, 0x7a);
  add(0xff10, 0xff19);
  add(0xff21, 0xff3a);
  add(0xff41, 0xff5a);
  out.push('\u212a', '\u017f');
  return out;
}
const KEPT = keptProbes();

let separatorChars: string[] | null = null;
/** Every character /[\s,]/u matches (all of them are in the Basic Multilingual Plane). */
function separators(): string[] {
  if (separatorChars === null) {
    separatorChars = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (SEPARATOR.test(ch)) separatorChars.push(ch);
    }
  }
  return separatorChars;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported();
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  private quantified(node: Node): Node {
    const ch = this.src[this.i];
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i++;
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return node;
    if (this.src[this.i] === '?') this.i++; // lazy: the same strings
    if (node.t === 'start' || node.t === 'end') throw new Unsupported();
    return { t: 'rep', node, min, max };
  }

  private atom(): Node {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.i++;
      if (this.src[this.i] === '?') {
        if (this.src[this.i + 1] !== ':') throw new Unsupported(); // look-around, named group
        this.i += 2;
      }
      const inner = this.alternation();
      if (this.src[this.i] !== ')') throw new Unsupported();
      this.i++;
      return inner;
    }
    if (ch === '[') return this.characterClass();
    if (ch === '^') {
      this.i++;
      return { t: 'start' };
    }
    if (ch === '$') {
      this.i++;
      return { t: 'end' };
    }
    if (ch === '.') {
      this.i++;
      return { t: 'atom', src: '.', canDrop: true, sepOnly: false, kept: [], unbounded: true };
    }
    if (ch === '\\') {
      const start = this.i;
      const parsed = this.escape(false);
      return this.escapeAtom(parsed, this.src.slice(start, this.i));
    }
    if ('*+?{}])|'.includes(ch)) throw new Unsupported();
    const cp = this.src.codePointAt(this.i) ?? 0;
    const text = String.fromCodePoint(cp);
    this.i += text.length;
    return literalAtom(text, text);
  }

  private escapeAtom(parsed: Escape, src: string): Node {
    if (parsed.kind === 'char') return literalAtom(parsed.char, src);
    if (parsed.kind === 'class') {
      return {
        t: 'atom',
        src,
        canDrop: parsed.name !== 'd',
        sepOnly: parsed.name === 's',
        kept: [],
        unbounded: 'SWDpP'.includes(parsed.name),
      };
    }
    throw new Unsupported();
  }

  /** Reads one escape after a backslash (inside a class: `\b` is the backspace). */
  private escape(inClass: boolean): Escape {
    this.i++; // the backslash
    const ch = this.src[this.i];
    if (ch === undefined) throw new Unsupported();
    this.i++;
    if ('dDwWsS'.includes(ch)) return { kind: 'class', name: ch };
    if (ch === 'p' || ch === 'P') {
      const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      return { kind: 'class', name: ch };
    }
    const simple: Record<string, string> = { t: '\t', n: '\n', r: '\r', v: '\v', f: '\f' };
    if (simple[ch] !== undefined) return { kind: 'char', char: simple[ch] };
    if (ch === 'b' && inClass) return { kind: 'char', char: '\b' };
    if (ch === '0' && !/[0-9]/.test(this.src[this.i] ?? '')) return { kind: 'char', char: '\0' };
    if (ch === '-' && inClass) return { kind: 'char', char: '-' };
    if (ch === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += 2;
      return { kind: 'char', char: String.fromCharCode(Number.parseInt(m[0], 16)) };
    }
    if (ch === 'u') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.src.slice(this.i));
      if (braced) {
        this.i += braced[0].length;
        return { kind: 'char', char: String.fromCodePoint(Number.parseInt(braced[1], 16)) };
      }
      const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += 4;
      const code = Number.parseInt(m[0], 16);
      // A surrogate pair written as two escapes is one code point: not modelled.
      if (code >= 0xd800 && code <= 0xdfff) throw new Unsupported();
      return { kind: 'char', char: String.fromCharCode(code) };
    }
    if (SYNTAX.includes(ch)) return { kind: 'char', char: ch };
    // \b, \B, back references, \k<name>, \c…: not modelled.
    throw new Unsupported();
  }

  private characterClass(): Node {
    const start = this.i;
    this.i++; // [
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    // Whether every character the class can match is one the key keeps (so no '' key), and
    // whether it matches separators only.
    let onlyKept = !negated;
    let sepOnly = !negated;
    let unbounded = negated;
    const kept: string[] = [];
    let any = false;
    const member = (): Escape => {
      if (this.src[this.i] === '\\') return this.escape(true);
      const cp = this.src.codePointAt(this.i) ?? 0;
      const text = String.fromCodePoint(cp);
      this.i += text.length;
      return { kind: 'char', char: text };
    };
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      any = true;
      const first = member();
      if (
        this.src[this.i] === '-' &&
        this.src[this.i + 1] !== ']' &&
        this.i + 1 < this.src.length
      ) {
        this.i++; // -
        const last = member();
        if (first.kind !== 'char' || last.kind !== 'char') throw new Unsupported();
        const [a, b] = [first.char.codePointAt(0) ?? 0, last.char.codePointAt(0) ?? 0];
        if (!keptRange(a, b)) onlyKept = false;
        if (reachesIdeographic(a, b)) unbounded = true;
        sepOnly = false;
        continue;
      }
      if (first.kind === 'class') {
        if (first.name !== 'd') onlyKept = false;
        if (first.name !== 's') sepOnly = false;
        if ('SWDpP'.includes(first.name)) unbounded = true;
      } else {
        const cp = first.char.codePointAt(0) ?? 0;
        if (!keeps(cp)) onlyKept = false;
        if (ideographic(cp)) kept.push(first.char);
        if (!SEPARATOR.test(first.char)) sepOnly = false;
      }
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
    if (!any) throw new Unsupported(); // [] and [^]
    return {
      t: 'atom',
      src: this.src.slice(start, this.i),
      canDrop: !onlyKept,
      sepOnly,
      kept,
      unbounded,
    };
  }
}

type Escape = { kind: 'char'; char: string } | { kind: 'class'; name: string };

/** A range of characters all kept by the key, whose case variants are kept too. */
function keptRange(a: number, b: number): boolean {
  const within = (lo: number, hi: number) => a >= lo && b <= hi && a <= b;
  return (
    within(0x30, 0x39) ||
    within(0x41, 0x5a) ||
    within(0x61, 0x7a) ||
    within(0xff10, 0xff19) ||
    within(0xff21, 0xff3a) ||
    within(0xff41, 0xff5a)
  );
}

function literalAtom(char: string, src: string): Node {
  const cp = char.codePointAt(0) ?? 0;
  return {
    t: 'atom',
    src,
    canDrop: !keeps(cp),
    sepOnly: SEPARATOR.test(char),
    kept: ideographic(cp) ? [char] : [],
    unbounded: false,
  };
}

// --- what a pattern says about keys ---

/** A finite set of raw keys ('Z' stands for any run of zeros, none included), or null. */
type Keys = Set<string> | null;

const MAX_KEYS = 4096;

// What atoms match, by flags and source (every search builds a new pattern of the same atoms).
const ATOM_KEYS = new Map<string, Set<string>>();
const ATOM_SEPARATES = new Map<string, boolean>();

class Analysis {
  private readonly atomKeys = ATOM_KEYS;
  private readonly atomSeparates = ATOM_SEPARATES;
  /**
   * `shapes`: a digit is the token '<' + its least and greatest value (an atom matching 2 to 9
   * is '<29'), and a repetition of digits without a bound is '+' (any digits): the keys'
   * shapes (shapesOf), for patterns with too many numbers to list.
   */
  constructor(
    private readonly flags: string,
    private readonly shapes = false,
    /** The most keys a node may have before the analysis gives up on it (null). */
    private readonly limit = MAX_KEYS,
  ) {}

  private regex(src: string): RegExp {
    return new RegExp(`^(?:${src})$`, this.flags);
  }

  /** The keys of the characters an atom matches. */
  atom(node: Extract<Node, { t: 'atom' }>): Set<string> | null {
    if (node.unbounded) return null;
    const id = `${this.flags}${this.shapes ? '#' : '/'}${node.src}`;
    let keys = this.atomKeys.get(id);
    if (keys) return keys;
    const re = this.regex(node.src);
    keys = new Set<string>();
    for (const probe of KEPT) if (re.test(probe)) keys.add(keyChar(probe.charCodeAt(0)));
    if (this.shapes) {
      const digits = [...keys].filter((k) => k >= '0' && k <= '9').sort();
      keys = new Set([...keys].filter((k) => !(k >= '0' && k <= '9')));
      if (digits.length > 0) keys.add(`<${digits[0]}${digits[digits.length - 1]}`);
    }
    for (const k of node.kept) keys.add(k);
    if (node.canDrop || keys.size === 0) keys.add('');
    if (this.atomKeys.size > 10_000) this.atomKeys.clear();
    this.atomKeys.set(id, keys);
    return keys;
  }

  /** Whether an atom (or any atom of a node) can match a separator character. */
  separates(node: Node): boolean {
    switch (node.t) {
      case 'atom': {
        const id = `${this.flags}/${node.src}`;
        let known = this.atomSeparates.get(id);
        if (known === undefined) {
          const re = this.regex(node.src);
          known = separators().some((ch) => re.test(ch));
          if (this.atomSeparates.size > 10_000) this.atomSeparates.clear();
          this.atomSeparates.set(id, known);
        }
        return known;
      }
      case 'seq':
        return node.items.some((n) => this.separates(n));
      case 'alt':
        return node.alts.some((n) => this.separates(n));
      case 'rep':
        return node.max > 0 && this.separates(node.node);
      default:
        return true;
    }
  }

  keys(node: Node): Keys {
    switch (node.t) {
      case 'atom':
        return this.atom(node);
      case 'seq': {
        let out: Keys = new Set(['']);
        for (const item of node.items) {
          out = product(out, this.keys(item), this.limit);
          if (out === null) return null;
        }
        return out;
      }
      case 'alt': {
        const out = new Set<string>();
        for (const alt of node.alts) {
          const keys = this.keys(alt);
          if (keys === null) return null;
          for (const k of keys) out.add(k);
          if (out.size > this.limit) return null;
        }
        return out;
      }
      case 'rep': {
        if (node.max === 0) return new Set(['']);
        const inner = this.keys(node.node);
        if (inner === null) return null;
        if ([...inner].every((k) => k === '')) return new Set(['']);
        // Repeated zeros (and nothing else): any run of zeros.
        if ([...inner].every((k) => /^(?:0|<00|Z)*$/.test(k)) && node.max > 1) {
          const zero = this.shapes ? '<00' : '0';
          return node.min > 0 && [...inner].every((k) => k.includes('0'))
            ? new Set([`${zero}Z`])
            : new Set(['Z']);
        }
        if (this.shapes && node.max > 8 && [...inner].every((k) => /^(?:<\d\d|Z|\+)*$/.test(k))) {
          let out: Keys = new Set(['']);
          for (let n = 0; n < node.min; n++) {
            out = product(out, inner, this.limit);
            if (out === null) return null;
          }
          return product(out, new Set(['+']), this.limit);
        }
        if (node.max === Infinity || node.max > 64) return null;
        let out: Keys = new Set(['']);
        const optional = new Set([...inner, '']);
        for (let n = 0; n < node.max; n++) {
          out = product(out, n < node.min ? inner : optional, this.limit);
          if (out === null) return null;
        }
        return out;
      }
      default:
        // An anchor inside the pattern: not modelled.
        return null;
    }
  }
}

function product(a: Keys, b: Keys, limit: number): Keys {
  if (a === null || b === null) return null;
  if (a.size * b.size > limit) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * The keys (as textKey makes them) of every text with one of these raw keys, where 'Z' is any
 * run of zeros; null when a run of zeros after other digits makes them too many.
 */
function normalized(raw: Set<string>): Set<string> | null {
  const out = new Set<string>();
  for (const key of raw) {
    if (!key.includes('Z')) {
      out.add(stripZeros(key));
      continue;
    }
    let variants = [''];
    for (const part of key.split(/([0-9Z]+)/)) {
      let options: string[];
      if (!part.includes('Z')) options = [part];
      else if (/^[0Z]+$/.test(part)) options = part.includes('0') ? ['0'] : ['', '0'];
      else if (/^[0Z]*[1-9][0-9]*$/.test(part)) options = [part.replace(/^[0Z]*/, '')];
      else return null;
      variants = variants.flatMap((v) => options.map((o) => v + o));
      if (variants.length > MAX_KEYS) return null;
    }
    for (const v of variants) out.add(stripZeros(v));
  }
  return out;
}

/**
 * What the keys of the texts with one of these raw shapes look like (digits as '<' + least +
 * greatest, 'Z' any run of zeros, '+' any digits): each item is the shape (shapeKey) of such a
 * key, where '#n+' stands for a run of at least n digits, then NUL and the least and greatest
 * value of the key's digits when the key has one run of digits (else 0 and Infinity).
 */
function shapesOf(raw: Set<string>): Set<string> | null {
  const out = new Set<string>();
  for (const key of raw) {
    let variants: { shape: string; runs: number; min: number; max: number }[] = [
      { shape: '', runs: 0, min: 0, max: Infinity },
    ];
    for (const part of key.split(/((?:<\d\d|Z|\+)+)/)) {
      let options: { text: string; run: boolean; min: number; max: number }[];
      if (part === '') continue;
      if (!/^(?:<\d\d|Z|\+)+$/.test(part))
        options = [{ text: part, run: false, min: 0, max: Infinity }];
      else options = runShapes(part.match(/<\d\d|Z|\+/g) ?? []);
      variants = variants.flatMap((v) =>
        options.map((o) =>
          o.run
            ? { shape: v.shape + o.text, runs: v.runs + 1, min: o.min, max: o.max }
            : { ...v, shape: v.shape + o.text },
        ),
      );
      if (variants.length > MAX_KEYS) return null;
    }
    for (const v of variants) {
      const [min, max] = v.runs === 1 ? [v.min, v.max] : [0, Infinity];
      out.add(`${v.shape}\u0000${min}\u0000${max}`);
    }
  }
  return out;
}

/** The shapes one run of digit tokens can take once its leading zeros are dropped. */
function runShapes(tokens: string[]): { text: string; run: boolean; min: number; max: number }[] {
  const zero = (t: string) => t === '<00' || t === 'Z';
  const fixed = (list: string[]) => list.filter((t) => t.startsWith('<')).length;
  const first = tokens.findIndex((t) => t.startsWith('<') && t[1] !== '0');
  const before = first === -1 ? tokens : tokens.slice(0, first);
  if (first !== -1 && before.every(zero)) {
    const significant = tokens.slice(first);
    if (significant.some((t) => !t.startsWith('<'))) {
      return [{ text: `#${fixed(significant)}+`, run: true, min: 0, max: Infinity }];
    }
    const min = Number(significant.map((t) => t[1]).join(''));
    const max = Number(significant.map((t) => t[2]).join(''));
    return [{ text: `#${significant.length}`, run: true, min, max }];
  }
  if (first === -1 && tokens.every(zero)) {
    const one = { text: '#1', run: true, min: 0, max: 0 };
    return tokens.includes('<00') ? [one] : [{ text: '', run: false, min: 0, max: Infinity }, one];
  }
  // Digits that may or may not be zeros lead: any length up to them all.
  const lo = first === -1 ? 0 : fixed(tokens.slice(first));
  const unbounded = tokens.some((t) => !t.startsWith('<'));
  const options: { text: string; run: boolean; min: number; max: number }[] = [];
  if (lo === 0) options.push({ text: '', run: false, min: 0, max: Infinity });
  if (unbounded) options.push({ text: `#${Math.max(lo, 1)}+`, run: true, min: 0, max: Infinity });
  else
    for (let n = Math.max(lo, 1); n <= fixed(tokens); n++)
      options.push({ text: `#${n}`, run: true, min: 0, max: Infinity });
  return options;
}

/** The shape of a key: each run of digits as '#' and its length. */
export function shapeKey(key: string): string {
  return key.replace(/[0-9]+/g, (run) => `#${run.length}`);
}

/** Where a pattern's matches can be: cells whose key, or the key of one of their parts, is one of these. */
export interface KeyPlan {
  /** Keys a matching cell's text has. */
  whole: Set<string>;
  /** Keys one part of a matching cell's text (split at /[\s,]/u) has. */
  part: Set<string>;
  /** Shapes (shapeKey) a matching cell's key has; '#n+' is a run of at least n digits. */
  shapes: Set<string>;
}

const PLANS = new Map<string, KeyPlan | null>();

/**
 * What a regular expression matched against whole cell texts says about their keys, or null
 * when nothing useful (every cell must be tested). `source` and `flags` are those of the
 * finder's RegExp; the pattern must be anchored at both ends (^…$) outside any group.
 */
export function keyPlan(source: string, flags: string): KeyPlan | null {
  const id = `${flags}/${source}`;
  if (PLANS.has(id)) return PLANS.get(id) ?? null;
  let plan: KeyPlan | null = null;
  try {
    plan = analyse(
      new Parser(source).parse(),
      new Analysis(flags),
      new Analysis(flags, true),
      new Analysis(flags, false, FEW_KEYS),
    );
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    plan = null;
  }
  if (PLANS.size > 10_000) PLANS.clear();
  PLANS.set(id, plan);
  return plan;
}

function items(node: Node): Node[] {
  return node.t === 'seq' ? node.items : [node];
}

/** A sequence's items with the items of the sequences (groups) in it spliced in. */
function flat(node: Node): Node[] {
  return node.t === 'seq' ? node.items.flatMap(flat) : [node];
}

/**
 * Up to this many keys a sequence's keys are listed; with more, its shapes are preferred when it
 * has any (IDs above a number: `[6-9]\d{3}` is 4,000 keys, or one shape and a range of values),
 * else its keys are listed up to MAX_KEYS. Either plan holds every key a match can have.
 */
const FEW_KEYS = 256;

function analyse(top: Node, analysis: Analysis, shapes: Analysis, few: Analysis): KeyPlan | null {
  const body = items(top);
  if (body.length < 2 || body[0].t !== 'start' || body[body.length - 1].t !== 'end') return null;
  const lists = expand(body.slice(1, -1), 0);
  if (lists === null) return null;
  const plan: KeyPlan = { whole: new Set(), part: new Set(), shapes: new Set() };
  for (const list of lists) {
    const listed = few.keys({ t: 'seq', items: list });
    const fewKeys = listed === null ? null : normalized(listed);
    if (fewKeys !== null) {
      for (const k of fewKeys) plan.whole.add(k);
      continue;
    }
    const rawShapes = shapes.keys({ t: 'seq', items: list });
    const shaped = rawShapes === null ? null : shapesOf(rawShapes);
    if (shaped !== null) {
      for (const k of shaped) plan.shapes.add(k);
      continue;
    }
    const whole = analysis.keys({ t: 'seq', items: list });
    const keys = whole === null ? null : normalized(whole);
    if (keys !== null) {
      for (const k of keys) plan.whole.add(k);
      continue;
    }
    const part = partKeys(list, analysis);
    if (part === null) return null;
    for (const k of part) plan.part.add(k);
  }
  return plan;
}

/** The sequences of a sequence whose alternations are spread out (a|b)c → ac, bc. */
function expand(nested: Node[], depth: number): Node[][] | null {
  const list = nested.flatMap(flat);
  const at = list.findIndex((n) => n.t === 'alt');
  if (at === -1) return [list];
  if (depth > 4) return null;
  const alt = list[at] as Extract<Node, { t: 'alt' }>;
  const out: Node[][] = [];
  for (const option of alt.alts) {
    const more = expand([...list.slice(0, at), ...items(option), ...list.slice(at + 1)], depth + 1);
    if (more === null) return null;
    out.push(...more);
    if (out.length > 1000) return null;
  }
  return out;
}

/**
 * A sequence `P (…S)? X (S…)? Q` where S matches separators only, X matches no separator, and P
 * and Q have no key: X is one part of the text split at separators, so that part's key is one of
 * X's keys. Null when the sequence has not that form.
 */
function partKeys(list: Node[], analysis: Analysis): Set<string> | null {
  const edge = (node: Node, end: 'last' | 'first'): boolean => {
    if (node.t !== 'rep' || node.max !== 1) return false;
    const inner = items(node.node);
    const sep = end === 'last' ? inner[inner.length - 1] : inner[0];
    return sep !== undefined && sep.t === 'atom' && sep.sepOnly;
  };
  const lead = list.findIndex((n) => edge(n, 'last'));
  let trail = -1;
  for (let j = list.length - 1; j > lead; j--) if (edge(list[j], 'first')) trail = j;
  if (lead === -1 && trail === -1) return null;
  const from = lead === -1 ? 0 : lead + 1;
  const to = trail === -1 ? list.length : trail;
  const noKey = (nodes: Node[]) => {
    const keys = analysis.keys({ t: 'seq', items: nodes });
    return keys !== null && [...keys].every((k) => k === '');
  };
  if (lead !== -1 && !noKey(list.slice(0, lead))) return null;
  if (trail !== -1 && !noKey(list.slice(trail + 1))) return null;
  const middle = list.slice(from, to);
  // Without a lead the part starts at the text's start: what comes before X must have no key
  // and no separator (it is in X's part); likewise after X without a trail.
  if (middle.some((n) => analysis.separates(n))) return null;
  const keys = analysis.keys({ t: 'seq', items: middle });
  return keys === null ? null : normalized(keys);
}
