// What a lookup by key looks for (Table.lookup): regular expressions in the syntax Google's RE2
// (TextFinder.useRegularExpression) and JavaScript share, matched against the whole text a cell
// displays, case-insensitively. A pattern may match a little more than the key (readers compare
// the cells exactly once read), never less for the forms the system writes and staff type.
// RE2's \s is ASCII only: the ideographic space is listed as a character of its own.

import { DASH_CLASS, prefixParts } from '../../domain/ids';
import { normalizeEmail } from '../../domain/text';

const SPACE = '[\\s\u3000]*';

/** The text, as a pattern matching exactly it. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Exactly the text (the case aside): keys the system writes (response IDs, recipient keys). */
export function exactly(text: string): string {
  return literal(text);
}

/** One entry of a list written with spaces or commas between (the Members response IDs). */
export function oneOf(text: string): string {
  return `(?:[\\s\\S]*[\\s,])?${literal(text)}(?:[\\s,][\\s\\S]*)?`;
}

/**
 * An email address with spaces around it (R2 compares trimmed, case-insensitively, after NFKC):
 * each ASCII character also in its full-width form, which NFKC folds back. Null when the address
 * has other characters (NFKC has many sources for those): the caller reads the column instead.
 */
export function email(address: string): string | null {
  const normalized = normalizeEmail(address);
  if (!/^[\x21-\x7e]+$/.test(normalized)) return null;
  return SPACE + [...normalized].map(wide).join('') + SPACE;
}

// Every dash src/domain/ids.ts accepts in an ID.
const DASH = DASH_CLASS;

/**
 * The letters of an ID prefix and the dashes after them, as ids.ts reads them (`prefixParts`):
 * 'B N-', 'ＢＮ－' and 'BN-' are the same prefix there; 'BN--' allows up to two dashes.
 */
function prefixPattern(prefix: string): string {
  const { core, dashes } = prefixParts(prefix);
  const letters = [...core].map((ch) => (ch === '-' ? DASH : wide(ch)));
  const between = dashes === 1 ? `${DASH}?` : `(?:${DASH}${SPACE}){0,${dashes}}`;
  return [SPACE, letters.join(SPACE), SPACE, between, SPACE].join('');
}

/** A printable ASCII character in its ASCII and full-width forms (ids.ts reads IDs through NFKC). */
function wide(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x21 || code > 0x7e) return literal(ch);
  const full = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
  const forms = /[a-z]/i.test(ch)
    ? [ch.toUpperCase(), ch.toLowerCase(), full(ch.toUpperCase()), full(ch.toLowerCase())]
    : [ch, full(ch)];
  return `[${forms.map((f) => (/[\\\]^-]/.test(f) ? `\\${f}` : f)).join('')}]`;
}

/**
 * A Bansou Net ID as staff may type it (R5: any width, any case, spaces, any dash or none, the
 * sequence with or without its leading zeros): `canonical` is the ID's canonical form, `prefix`
 * the ID prefix of the Settings. ids.ts canonicalId decides which cells really are this ID.
 */
export function memberId(canonical: string, prefix: string): string {
  const seq = canonical.slice(prefix.length).replace(/^0+(?=\d)/, '');
  const digits = [...seq].map(wide);
  return [prefixPattern(prefix), `(?:[0\uFF10]${SPACE})*`, digits.join(SPACE), SPACE].join('');
}

/** A run of digits (leading zeros allowed) whose value is greater than `n`. */
export function numberAbove(n: number): string {
  const d = String(Math.max(0, Math.floor(n)));
  const alternatives = [`[1-9]\\d{${d.length},}`];
  for (let i = 0; i < d.length; i++) {
    const digit = Number(d[i]);
    if (digit === 9) continue;
    const rest = d.length - i - 1;
    const next = digit + 1 === 9 ? '9' : `[${digit + 1}-9]`;
    const head = i === 0 ? '' : literal(d.slice(0, i));
    if (i === 0 && digit + 1 > 9) continue;
    alternatives.push(head + next + (rest > 0 ? `\\d{${rest}}` : ''));
  }
  return `0*(?:${alternatives.join('|')})`;
}

/**
 * Any Bansou Net ID (typed as memberId() allows, digits in ASCII) whose sequence number is
 * greater than `n`: the IDs handed out after the highest one known (R1).
 */
export function memberIdAbove(n: number, prefix: string): string {
  return prefixPattern(prefix) + numberAbove(n) + SPACE;
}
