// Member history (RULES §3 "Facts as of the submission moment"): every registration response
// version is kept with its time, and every rule that looks at a member reads the member as they
// stood at the application's submission moment. Pure.
import type { MemberFacts, MemberVersion } from './types';

/** A lookup by key: a Map satisfies it, and so does anything that fetches only what is asked. */
export interface Lookup<T> {
  get(key: string): T | undefined;
}

/** Versions in time order; ties keep the order given (the order they were recorded). */
function byTime(versions: readonly MemberVersion[]): MemberVersion[] {
  return versions
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.at - b.v.at || a.i - b.i)
    .map((x) => x.v);
}

/**
 * The registration response version in force at a moment: the latest at or before `at`, with
 * the email known by then (a version without an email, from a form that did not collect it,
 * keeps the email before it). Undefined when there was none yet: the ID was not issued (R5).
 * Also what sign-ups (R34: foreign background) read.
 */
export function versionAsOf(
  versions: readonly MemberVersion[] | undefined,
  at: number,
): MemberVersion | undefined {
  if (!versions || versions.length === 0) return undefined;
  let latest: MemberVersion | undefined;
  let email = '';
  for (const v of byTime(versions)) {
    if (v.at > at) break;
    latest = v;
    if (v.email.trim() !== '') email = v.email;
  }
  return latest ? { ...latest, email } : undefined;
}

/** The member as of a moment, as the application rules read them (R5–R7, R12). */
export function memberAsOf(
  versions: readonly MemberVersion[] | undefined,
  at: number,
): MemberFacts | undefined {
  const v = versionAsOf(versions, at);
  return v ? { id: v.memberId, email: v.email, experience: v.experience } : undefined;
}

/** A member as the staff's Members sheet shows them now, with the time the ID was issued. */
export interface CurrentMember {
  id: string;
  email: string;
  experience: boolean | null;
  foreignBackground: boolean;
  language: string;
  /** When the ID was issued (first registration), ms; null when the cell is empty. */
  registeredAt: number | null;
}

/**
 * Every member's versions, in time order, by member ID. A member with no recorded version (a
 * deployment from before the history was kept, or history rows lost) is taken as registered
 * once, at their recorded registration time (the beginning of time when none), with the
 * details of their Members row.
 */
export function memberHistories(
  versions: readonly MemberVersion[],
  current: Iterable<CurrentMember>,
): Map<string, MemberVersion[]> {
  const byMember = new Map<string, MemberVersion[]>();
  for (const v of versions) {
    const list = byMember.get(v.memberId);
    if (list) list.push(v);
    else byMember.set(v.memberId, [v]);
  }
  for (const [id, list] of byMember) byMember.set(id, byTime(list));
  for (const m of current) {
    if (byMember.has(m.id)) continue;
    byMember.set(m.id, [baselineVersion(m)]);
  }
  return byMember;
}

/** The one version a member without history is taken to have: their Members row, as registered. */
export function baselineVersion(m: CurrentMember): MemberVersion {
  return {
    memberId: m.id,
    at: m.registeredAt ?? 0,
    responseId: '',
    email: m.email,
    experience: m.experience,
    foreignBackground: m.foreignBackground,
    language: m.language,
  };
}
