// Bansou Net IDs (R1, R5): formatting, tolerant reading, and the next ID derived from the stored ones.
import { nfkc } from './text';

// Every dash a phone keyboard or IME may produce. NFKC already turns '－' into '-' and 'ｰ' into 'ー'.
// As a character class, also for the lookups' search patterns (src/adapters/tables/patterns.ts).
export const DASH_CLASS = '[-\u2010-\u2015\u2212\u30FC\uFF0D\uFF70\u2043\uFE58\uFE63\u02D7]';
const DASHES = new RegExp(DASH_CLASS, 'g');

/** Upper case, no spaces, one kind of dash: the form in which IDs are compared. */
function squash(s: string): string {
  return nfkc(s).toUpperCase().replace(/\s+/g, '').replace(DASHES, '-');
}

/** Escapes a prefix for use in a regular expression. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A prefix as IDs are compared (R5): its letters (squashed, without trailing dashes), and how many
 * dashes may stand between them and the number: none up to as many as the prefix ends with, at
 * least one (a prefix 'BN--' writes 'BN--00001', and nextMemberId must read its own IDs back, R1).
 * The lookups' search patterns read the prefix through this too.
 */
export function prefixParts(prefix: string): { core: string; dashes: number } {
  const squashed = squash(prefix);
  const core = squashed.replace(/-+$/, '');
  return { core, dashes: Math.max(1, squashed.length - core.length) };
}

/**
 * The sequence number of an ID written with this prefix, read tolerantly (with or without the
 * prefix's dash, any width, any case, spaces, dash variants); null when it is not prefix + digits.
 */
export function idSequence(id: string, prefix: string): number | null {
  const { core, dashes } = prefixParts(prefix);
  const m = new RegExp('^' + escapeRegExp(core) + '-{0,' + dashes + '}(\\d{1,15})$').exec(
    squash(id),
  );
  return m ? Number(m[1]) : null;
}

/** Prefix + sequence zero-padded to the width; longer when the sequence needs more digits. */
export function formatId(seq: number, prefix: string, width: number): string {
  return prefix + String(seq).padStart(width, '0');
}

/** R5: the canonical ID ('BN-00012') for what an applicant typed, or null when unreadable. */
const DIGITS = /^[0-9]+$/;

export function canonicalId(raw: string, prefix: string, width: number): string | null {
  // Already canonical (what the system itself stores): no normalising needed.
  if (
    raw.length === prefix.length + width &&
    raw.startsWith(prefix) &&
    DIGITS.test(raw.slice(prefix.length))
  ) {
    return raw;
  }
  const seq = idSequence(raw, prefix);
  return seq === null ? null : formatId(seq, prefix, width);
}

/** R1: the next ID is the highest stored sequence + 1 (no counter to drift or reuse IDs). */
export function nextMemberId(existingIds: Iterable<string>, prefix: string, width: number): string {
  let highest = 0;
  for (const id of existingIds) {
    const seq = idSequence(id, prefix);
    if (seq !== null && seq > highest) highest = seq;
  }
  return formatId(highest + 1, prefix, width);
}
