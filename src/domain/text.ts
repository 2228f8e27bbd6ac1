// Text normalisation shared by the rules: emails (R2, R6), recipient keys (R13), blank answers (R15).
// Pure string functions: no Apps Script globals, no locale data.

/** Unicode NFKC: full-width letters/digits/spaces become their ASCII forms. */
export function nfkc(s: string): string {
  const text = String(s ?? '');
  // ASCII is its own NFKC form (every ASCII character is its own normalisation): the common case
  // (addresses, IDs) skips the Unicode tables.
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 0x7f) return text.normalize('NFKC');
  return text;
}

/** Emails compare case-insensitively after trimming (R2, R6); NFKC folds full-width input. */
export function normalizeEmail(s: string): string {
  return nfkc(s).trim().toLowerCase();
}

// Memoised: the same few header and question texts are read in every execution. On Google every
// execution starts with fresh module state, so this lasts one execution; the local runtime keeps
// the bundle's module state across the executions of a replay. Same input, same output.
const LABELS_MAX = 5000;
const labels = new Map<string, string>();

/**
 * A sheet header or a form question title as the system compares them (R24: columns found by
 * header; the field map's titles): NFKC, runs of spaces one space, trimmed, lower case.
 */
export function normalizeLabel(text: unknown): string {
  const raw = String(text ?? '');
  let normalized = labels.get(raw);
  if (normalized === undefined) {
    normalized = nfkc(raw).replace(/\s+/g, ' ').trim().toLowerCase();
    if (labels.size >= LABELS_MAX) labels.clear();
    labels.set(raw, normalized);
  }
  return normalized;
}

/** Hiragana (ぁ..ゖ, ゝ, ゞ) → katakana, so 'ぐえん' and 'グエン' name the same person. */
export function hiraganaToKatakana(s: string): string {
  return String(s ?? '').replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + 0x60),
  );
}

/** True when the answer is empty or only spaces (any width). */
export function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || nfkc(String(s)).trim() === '';
}

const NONE_WORDS = ['なし', '無し', '無', 'ない', 'いない', 'いません', 'none', 'no', 'na', 'nil'];

/**
 * An answer that says "none" rather than giving one: blank, only dashes or other marks ('-',
 * 'ー', '—'), or a none word ('なし', '無し', 'いません', 'None', 'N/A'). What people type into a
 * question staff made required though it has nothing to say for them (the second supporter).
 */
export function isNoneAnswer(s: string | null | undefined): boolean {
  if (isBlank(s)) return true;
  const t = nfkc(String(s)).toLowerCase().trim();
  if (/^[\p{P}\p{S}\s\u30FC]+$/u.test(t)) return true;
  return NONE_WORDS.includes(t.replace(/[\p{P}\p{S}\s]+/gu, ''));
}

// Apostrophes join parts of one word (O'Brien = OBrien); other punctuation and symbols separate
// words (Nguyen,Van = Nguyen Van; グエン・ヴァン = グエン ヴァン). 'ー' is a letter (Lm), kept.
const JOINING_PUNCTUATION = /['\u2018\u2019\u02BC\u0060\u00B4]/g;
const SEPARATING_PUNCTUATION = /[\p{P}\p{S}]/gu;

/**
 * The birth year when one can be read: a single group of 4 digits after NFKC
 * ('1985', '１９８５', '1985年'); null otherwise (blank, '85', '1985/86').
 */
export function readBirthYear(raw: string): number | null {
  const groups = nfkc(raw).match(/\d+/g);
  if (groups?.length !== 1 || groups[0].length !== 4) return null;
  return Number(groups[0]);
}

/**
 * R13: the key that identifies a person supported. Name: NFKC, case-folded, hiragana→katakana,
 * punctuation removed, tokens sorted and joined by one space; then '#<year>' when a birth year
 * can be read. '' when the name is empty (such an application never counts towards a cap).
 */
export function recipientKey(name: string, birthYear: string): string {
  const folded = hiraganaToKatakana(nfkc(name).toLowerCase())
    .replace(JOINING_PUNCTUATION, '')
    .replace(SEPARATING_PUNCTUATION, ' ');
  const tokens = folded.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return '';
  tokens.sort();
  const year = readBirthYear(birthYear);
  return tokens.join(' ') + (year === null ? '' : '#' + year);
}

/**
 * A sheet value is a Date (from this context or the spreadsheet service's): tagged Date, with a
 * getTime to call. An object that only claims the tag (Symbol.toStringTag) is not one.
 */
export function isDateValue(value: unknown): value is Date {
  return (
    Object.prototype.toString.call(value) === '[object Date]' &&
    typeof (value as { getTime?: unknown }).getTime === 'function'
  );
}

/** A cell read back as text: Dates as their Tokyo date/time, numbers as digits. */
export function cellText(value: unknown, offsetMinutes = 540): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isDateValue(value)) {
    const t = value.getTime();
    if (Number.isNaN(t)) return '';
    const local = new Date(t + offsetMinutes * 60000);
    const iso = local.toISOString();
    // A date without a time of day reads as the day only.
    return iso.slice(11, 19) === '00:00:00'
      ? iso.slice(0, 10)
      : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return String(value);
}
