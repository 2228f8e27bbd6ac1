// A deliberately small formula evaluator: Sheets would compute formulas, we cannot, but the
// product should see plausible values. Supported: numbers, "strings", TRUE/FALSE, cell and
// range references (A1, $B$2, Sheet!A1:B3, 'My sheet'!A1), + - * / ^ & = <> < > <= >=,
// parentheses, SUM. Anything else gives the error Sheets would show for an unknown name
// ('#NAME?'), and text that does not parse as a formula gives '#ERROR!' (Sheets' "Formula
// parse error"), which is what a typed phone number such as "+81 90-1234-5678" becomes.

import type { CellValue } from './format';

/** Reads the values of a rectangle (1-based, inclusive); null when the sheet does not exist. */
export type RangeResolver = (
  sheetName: string | null,
  row1: number,
  col1: number,
  row2: number,
  col2: number,
) => CellValue[][] | null;

class FormulaError {
  constructor(readonly code: string) {}
}

/** Error values a referenced formula cell may hold; they spread to formulas that use them. */
const ERROR_CODES = new Set(['#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#N/A', '#NUM!', '#ERROR!']);

class RangeValue {
  constructor(readonly cells: CellValue[][]) {}
}

type Value = CellValue | FormulaError | RangeValue;

class ParseError extends Error {}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(]))|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?%?|\.\d+(?:[eE][+-]?\d+)?%?)|([A-Za-z_][\w.]*)|(<=|>=|<>|[-+*/^&=<>(),:;]))/y;

type Tok =
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new ParseError(src.slice(pos));
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) toks.push({ t: 'str', v: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined || m[3] !== undefined) toks.push({ t: 'ref', v: m[2] ?? m[3] });
    else if (m[4] !== undefined) {
      const pct = m[4].endsWith('%');
      const n = Number(pct ? m[4].slice(0, -1) : m[4]);
      toks.push({ t: 'num', v: pct ? n / 100 : n });
    } else if (m[5] !== undefined) toks.push({ t: 'name', v: m[5] });
    else toks.push({ t: 'op', v: m[6] });
  }
  return toks;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRef(ref: string): [string | null, number, number, number, number] {
  let sheet: string | null = null;
  let rest = ref;
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = ref.slice(bang + 1);
  }
  const [a, b = a] = rest.replace(/\$/g, '').split(':');
  const pa = /^([A-Za-z]+)(\d+)$/.exec(a)!;
  const pb = /^([A-Za-z]+)(\d+)$/.exec(b)!;
  const r1 = Number(pa[2]);
  const r2 = Number(pb[2]);
  const c1 = columnNumber(pa[1]);
  const c2 = columnNumber(pb[1]);
  return [sheet, Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
}

function toNumber(v: Value): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v instanceof RangeValue) return new FormulaError('#VALUE!');
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function toText(v: CellValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function scalar(v: Value): CellValue | FormulaError {
  if (v instanceof RangeValue) {
    if (v.cells.length !== 1 || v.cells[0].length !== 1) return new FormulaError('#VALUE!');
    const cell = v.cells[0][0];
    return typeof cell === 'string' && ERROR_CODES.has(cell) ? new FormulaError(cell) : cell;
  }
  return v;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly resolve: RangeResolver | undefined,
  ) {}

  parseAll(): Value {
    const v = this.comparison();
    if (this.i < this.toks.length) throw new ParseError('trailing input');
    return v;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; ) {
      this.i++;
      const right = this.concat();
      left = compare(op, left, right);
      op = this.peekOp('=', '<>', '<', '>', '<=', '>=');
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      const right = this.additive();
      const a = scalar(left);
      const b = scalar(right);
      if (a instanceof FormulaError) left = a;
      else if (b instanceof FormulaError) left = b;
      else left = toText(a) + toText(b);
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      left = arithmetic(op, left, this.multiplicative());
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      left = arithmetic(op, left, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      left = arithmetic('^', left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    const op = this.peekOp('+', '-');
    if (op) {
      this.i++;
      const v = this.unary();
      return op === '-' ? arithmetic('*', -1, v) : v;
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.toks[this.i++];
    if (!t) throw new ParseError('unexpected end');
    if (t.t === 'num') return t.v;
    if (t.t === 'str') return t.v;
    if (t.t === 'ref') {
      const [sheet, r1, c1, r2, c2] = parseRef(t.v);
      const cells = this.resolve ? this.resolve(sheet, r1, c1, r2, c2) : null;
      if (!cells) return new FormulaError('#REF!');
      return new RangeValue(cells);
    }
    if (t.t === 'op' && t.v === '(') {
      const v = this.comparison();
      if (!this.peekOp(')')) throw new ParseError('missing )');
      this.i++;
      return v;
    }
    if (t.t === 'name') {
      if (this.peekOp('(')) {
        this.i++;
        const args: Value[] = [];
        if (!this.peekOp(')')) {
          args.push(this.comparison());
          while (this.peekOp(',', ';')) {
            this.i++;
            args.push(this.comparison());
          }
        }
        if (!this.peekOp(')')) throw new ParseError('missing )');
        this.i++;
        return callFunction(t.v.toUpperCase(), args);
      }
      const upper = t.v.toUpperCase();
      if (upper === 'TRUE') return true;
      if (upper === 'FALSE') return false;
      return new FormulaError('#NAME?');
    }
    throw new ParseError(`unexpected ${t.v}`);
  }
}

function arithmetic(op: string, left: Value, right: Value): Value {
  const a = toNumber(scalar(left) as Value);
  if (a instanceof FormulaError) return a;
  const b = toNumber(scalar(right) as Value);
  if (b instanceof FormulaError) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FormulaError('#DIV/0!') : a / b;
    default:
      return a ** b;
  }
}

function compare(op: string, left: Value, right: Value): Value {
  const a = scalar(left);
  const b = scalar(right);
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof b === 'string' ? b.toLowerCase() : b;
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function callFunction(name: string, args: Value[]): Value {
  if (name === 'SUM') {
    let total = 0;
    for (const arg of args) {
      if (arg instanceof FormulaError) return arg;
      if (arg instanceof RangeValue) {
        // SUM over a range skips text and booleans, as in Sheets.
        for (const row of arg.cells) {
          for (const v of row) {
            if (typeof v === 'number') total += v;
            else if (typeof v === 'string' && ERROR_CODES.has(v)) return new FormulaError(v);
          }
        }
      } else {
        const n = toNumber(arg);
        if (n instanceof FormulaError) return n;
        total += n;
      }
    }
    return total;
  }
  return new FormulaError('#NAME?');
}

/**
 * The value a formula shows. `formula` includes the leading '='. References are read through
 * `resolve`; without it they give '#REF!'.
 */
export function evaluateFormula(formula: string, resolve?: RangeResolver): CellValue {
  let result: Value;
  try {
    result = new Parser(lex(formula.replace(/^=/, '')), resolve).parseAll();
  } catch (e) {
    if (e instanceof ParseError) return '#ERROR!';
    throw e;
  }
  const v = scalar(result);
  if (v instanceof FormulaError) return v.code;
  if (typeof v === 'number' && !Number.isFinite(v)) return '#NUM!';
  return v;
}
