// Reads a form response through the field map (question title → field). Titles are matched
// after NFKC and trimming, so a stray full-width space in the form does not break anything.
// A mapped question the form lacks is reported as missing, never as a crash.

import { normalizeLabel } from '../domain/text';

/** A question title as the field map matches it (the same normaliser as the sheets' headers). */
export function normalizeTitle(title: string): string {
  return normalizeLabel(title);
}

export interface ResponseAnswers {
  responseId: string;
  timestamp: number;
  email: string;
  /** Answers by normalised question title. */
  byTitle: Map<string, string | string[]>;
  /** Normalised titles of every question of the form (null when the form was not at hand). */
  formTitles: Set<string> | null;
}

export function readResponse(
  response: GoogleAppsScript.Forms.FormResponse,
  form: GoogleAppsScript.Forms.Form | null,
): ResponseAnswers {
  const byTitle = new Map<string, string | string[]>();
  for (const item of response.getItemResponses()) {
    const raw = item.getResponse() as unknown;
    byTitle.set(normalizeTitle(item.getItem().getTitle()), toAnswer(raw));
  }
  const formTitles = form ? titlesOf(form) : null;
  return {
    responseId: response.getId(),
    timestamp: response.getTimestamp().getTime(),
    email: String(response.getRespondentEmail() ?? '').trim(),
    byTitle,
    formTitles,
  };
}

/** A form's question titles, read once per execution (the sweep reads many responses). */
const titlesCache = new WeakMap<object, Set<string>>();

function titlesOf(form: GoogleAppsScript.Forms.Form): Set<string> {
  let titles = titlesCache.get(form);
  if (!titles) {
    titles = new Set(form.getItems().map((i) => normalizeTitle(i.getTitle())));
    titlesCache.set(form, titles);
  }
  return titles;
}

function toAnswer(raw: unknown): string | string[] {
  if (Array.isArray(raw)) {
    // Checkbox → string[]; grid → string[][] (one row per line).
    return raw.map((v) => (Array.isArray(v) ? v.join(', ') : String(v ?? '')));
  }
  if (raw === null || raw === undefined) return '';
  return String(raw);
}

/** The two halves of a bilingual title 'ja / en' (normalised), or null for a one-language title. */
function halves(title: string): [string, string] | null {
  const parts = title.split(' / ');
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? [parts[0], parts[1]] : null;
}

/**
 * The question title (normalised) a field-map title finds among a form's titles: the same title;
 * else, for a bilingual 'ja / en' title, the one question whose Japanese half or English half
 * is unchanged (staff fixed a typo or reworded one language: the same question), unless it is
 * another field's own title. Null when none, or when more than one could be meant.
 */
export function findTitle(
  wanted: string,
  titles: Iterable<string>,
  otherFields: ReadonlySet<string> = new Set(),
): string | null {
  const target = normalizeTitle(wanted);
  const list = [...titles];
  if (list.includes(target)) return target;
  const mine = halves(target);
  if (!mine) return null;
  const candidates = list.filter((t) => {
    if (otherFields.has(t)) return false;
    const theirs = halves(t);
    return theirs !== null && (theirs[0] === mine[0] || theirs[1] === mine[1]);
  });
  return candidates.length === 1 ? candidates[0] : null;
}

/**
 * The item of a form a field-map title finds (findTitle). Each item is asked its title (a call to
 * the Forms service) only until the exact title turns up; the tolerant match, which needs every
 * title, only when it does not.
 */
export function findItem<I extends { getTitle(): string }>(
  items: readonly I[],
  wanted: string,
  otherFields?: ReadonlySet<string>,
): I | undefined {
  const target = normalizeTitle(wanted);
  const titles: string[] = [];
  for (const item of items) {
    const title = normalizeTitle(item.getTitle());
    if (title === target) return item;
    titles.push(title);
  }
  const found = findTitle(target, titles, otherFields);
  return found === null ? undefined : items[titles.indexOf(found)];
}

/**
 * Reads the mapped fields. `missing` lists fields whose question the form does not have;
 * `presentTitles` the field-map titles the form has (known only when the form was at hand).
 */
export function mapFields<F extends string>(
  answers: ResponseAnswers,
  fieldMap: Record<F, string>,
): {
  values: Record<F, string>;
  lists: Record<F, string[]>;
  missing: F[];
  missingTitles: string[];
  presentTitles: string[];
} {
  const values = {} as Record<F, string>;
  const lists = {} as Record<F, string[]>;
  const missing: F[] = [];
  const missingTitles: string[] = [];
  const presentTitles: string[] = [];
  const titles = answers.formTitles ?? new Set(answers.byTitle.keys());
  const fieldTitles = new Set(Object.values<string>(fieldMap).map(normalizeTitle));
  for (const field of Object.keys(fieldMap) as F[]) {
    const own = normalizeTitle(fieldMap[field]);
    const others = new Set([...fieldTitles].filter((t) => t !== own));
    const title = findTitle(own, titles, others) ?? own;
    const answer = answers.byTitle.get(title);
    if (answer === undefined && answers.formTitles && !answers.formTitles.has(title)) {
      missing.push(field);
      missingTitles.push(fieldMap[field]);
    } else if (answers.formTitles) presentTitles.push(fieldMap[field]);
    const list = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
    lists[field] = list.map((s) => s.trim()).filter((s) => s !== '');
    // Stored exactly as given (R25); the rules trim where they compare.
    values[field] = Array.isArray(answer) ? lists[field].join(', ') : (answer ?? '');
  }
  return { values, lists, missing, missingTitles, presentTitles };
}

/** Two timestamps of one response version: Sheets keeps milliseconds, but be lenient. */
export function sameVersion(stored: number | null, incoming: number): boolean {
  return stored !== null && incoming <= stored + 999;
}
