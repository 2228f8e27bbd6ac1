// The one decide-in-order engine (RULES §3): applications are decided in submission order, each
// seeing the final statuses (overrides included) of those before it, and every member as they
// stood at its own submission moment. The form trigger, the sweep, "Re-decide all", the monthly
// run (for staff overrides), the local runner (through the bundle) and the tests all decide
// through decideInOrder, so deciding one by one as events arrive and re-deciding everything
// from scratch give the same result. Pure; everything comes in through lookups by key, so a
// caller may fetch only the member histories and earlier applications an application names.
import { compareSubmission, decideApplication, toPrior } from './decision';
import { type Lookup, memberAsOf } from './members';
import type { Settings } from './settings-types';
import { recipientKey } from './text';
import type {
  ApplicationInput,
  CourseCompletion,
  Decision,
  MemberFacts,
  MemberVersion,
  PriorApplication,
  StaffOverride,
} from './types';

export interface DecisionFacts {
  settings: Settings;
  /** Every registration response version of a member, by canonical ID (members.ts). */
  histories: Lookup<readonly MemberVersion[]>;
  /** Course completions by member ID (R19). Asked only for members without experience. */
  completions: Lookup<readonly CourseCompletion[]>;
}

export interface ToDecide {
  input: ApplicationInput;
  override: StaffOverride | null;
  /**
   * A paid application keeps the decision it was paid on (R18, R22): it is not decided again,
   * and later applications see it as recorded.
   */
  recorded?: PriorApplication;
}

export interface Decided {
  item: ToDecide;
  /** Null when the item kept its recorded decision. */
  decision: Decision | null;
}

const NONE: Lookup<readonly PriorApplication[]> = { get: () => undefined };

/** The members an application's rules see: each as they stood at its submission moment. */
export function membersAsOf(
  histories: Lookup<readonly MemberVersion[]>,
  at: number,
): Lookup<MemberFacts> {
  return { get: (id) => memberAsOf(histories.get(id), at) };
}

/** The key R13/R14 compare an application by (the person supported). */
export function recipientKeyOf(input: ApplicationInput): string {
  return recipientKey(input.recipientName, input.recipientBirthYear);
}

/**
 * Decides `items` in submission order. `earlier` gives, by recipient key, the applications
 * submitted before all of `items` and not among them, in submission order (R13 and R14 only
 * ever compare applications for the same person supported). Returns one entry per item, in
 * submission order.
 */
export function decideInOrder(
  items: readonly ToDecide[],
  facts: DecisionFacts,
  earlier: Lookup<readonly PriorApplication[]> = NONE,
): Decided[] {
  const ordered = [...items].sort((a, b) => compareSubmission(a.input, b.input));
  const decidedNow = new Map<string, PriorApplication[]>();
  const priorsFor = (key: string): PriorApplication[] => {
    let list = decidedNow.get(key);
    if (!list) {
      list = [...(earlier.get(key) ?? [])];
      decidedNow.set(key, list);
    }
    return list;
  };
  const out: Decided[] = [];
  for (const item of ordered) {
    const key = recipientKeyOf(item.input);
    const priors = priorsFor(key);
    if (item.recorded) {
      out.push({ item, decision: null });
      const r = item.recorded;
      // A recorded decision under another key (an edit after payment) still counts here.
      priorsFor(r.recipientKey).push(r);
      continue;
    }
    const decision = decideApplication(item.input, {
      settings: facts.settings,
      members: membersAsOf(facts.histories, item.input.submittedAt),
      completions: facts.completions,
      priors,
      override: item.override,
    });
    out.push({ item, decision });
    priors.push(toPrior(decision, item.input.submittedAt));
  }
  return out;
}
