// R29: a flood of registrations from one address cannot starve the mail quota.
import { dayOf } from './dates';

/**
 * Whether a member may get a registration auto-reply now, given when the last one went and how
 * many went that Tokyo day; and the count to record when it is sent.
 */
export function autoReplyAllowed(
  lastReplyMs: number | null,
  repliesThatDay: number | null,
  nowMs: number,
  limitPerDay: number,
): { allowed: boolean; countAfter: number } {
  const sameDay = lastReplyMs !== null && dayOf(lastReplyMs) === dayOf(nowMs);
  const sent = sameDay ? (repliesThatDay ?? 1) : 0;
  return { allowed: sent < limitPerDay, countAfter: sent + 1 };
}
