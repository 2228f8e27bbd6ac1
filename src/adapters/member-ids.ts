// The next Bansou Net ID (R1: the highest stored ID + 1, IDs in the Members sheet and in the
// Member history alike) without reading every ID: the highest ID handed out is kept in Script
// Properties, and one lookup checks that no stored ID is above it (staff may type a member in by
// hand; an execution may have failed between writing the history and the property). When the
// property is missing or behind, every ID is read and the property rebuilt: the IDs in the sheets
// stay the only truth, the property only saves reading them.
import { formatId, idSequence, nextMemberId } from '../domain/ids';
import type { Env } from './env';
import type { HistoryWriter } from './member-history';
import type { MemberTable } from './records';
import { cellText } from './tables/cells';
import { memberIdAbove } from './tables/patterns';

export const HIGHEST_ID_KEY = 'members.highestId';

/** The highest sequence handed out as far as the property knows; null when it is not set. */
export function highestIdHint(env: Env): number | null {
  const raw = env.props.get(HIGHEST_ID_KEY);
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/** The patterns of IDs above the hint, to look up with the registration's other lookups. */
export function idsAbovePatterns(env: Env): string[] {
  const hint = highestIdHint(env);
  return hint === null ? [] : [memberIdAbove(hint, env.settings.idPrefix)];
}

/** The next ID: after the hint when nothing stored is above it, else from every stored ID. */
export function nextId(env: Env, members: MemberTable, history: HistoryWriter): string {
  const { idPrefix, idWidth } = env.settings;
  const hint = highestIdHint(env);
  if (hint !== null && members.isPartial()) {
    const above = idsAbovePatterns(env);
    const higher = [
      ...members.lookup('memberId', above).map((r) => cellText(members.get(r, 'memberId'))),
      ...history.idsMatching(above),
    ].filter((id) => (idSequence(id, idPrefix) ?? -1) > hint);
    if (higher.length === 0) return formatId(hint + 1, idPrefix, idWidth);
  }
  return nextMemberId(
    [...members.dataRows().map((r) => cellText(members.get(r, 'memberId'))), ...history.allIds()],
    idPrefix,
    idWidth,
  );
}

/** Records an ID handed out as the highest (when it is). */
export function handedOut(env: Env, id: string): void {
  const seq = idSequence(id, env.settings.idPrefix);
  if (seq === null) return;
  const hint = highestIdHint(env);
  if (hint === null || seq > hint) env.props.set(HIGHEST_ID_KEY, String(seq));
}
