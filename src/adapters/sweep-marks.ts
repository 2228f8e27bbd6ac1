// Where the hourly sweep starts reading each form's responses (its high-water mark), kept in
// Script Properties. Set-up starts the marks of forms the sweep has never checked from "now":
// responses older than the installation are checked by the menu's full pass, never by the hourly sweep.
import type { ScriptProps } from './props';

export type FormKind = 'registration' | 'application' | 'course' | 'signup';
export const FORM_KINDS: readonly FormKind[] = ['registration', 'application', 'course', 'signup'];
/**
 * Per form: every response submitted (or edited) before the mark has been handled. The hourly
 * sweep asks Forms only for responses from shortly before it (`getResponses(mark − overlap)`),
 * so its cost follows the new responses, never the history.
 */
export const MARK_KEY = 'sweep.mark';

/** The single watermark of earlier versions: marks start from it when it is there. */
export const OLD_WATERMARK_KEY = 'sweep.checkedUntil';

export function startSweepMarks(props: ScriptProps, now: number): void {
  const old = Number(props.get(OLD_WATERMARK_KEY) ?? '');
  const start = old > 0 ? Math.min(old, now) : now;
  const values: Record<string, string> = {};
  for (const kind of FORM_KINDS) {
    if (!props.get(`${MARK_KEY}.${kind}`)) values[`${MARK_KEY}.${kind}`] = String(start);
  }
  if (Object.keys(values).length > 0) props.setMany(values);
}
