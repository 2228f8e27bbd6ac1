// Cost per sign-up (issue #15 item 2, RULES §8): one sign-up-form submission on a running system
// of 100, 5,000 and 20,000 members (each with a Member history row), the Sessions and Sign-ups
// sheets the same at every size (4 sessions, 40 earlier sign-ups). The member who signs up is
// near the end of the Members table and is accepted (one email). What a sign-up reads should not
// grow with the members: Spreadsheet calls and cells read the same at every size. With --before,
// the same submissions on an earlier bundle, side by side.
import { SESSIONS, SIGNUPS } from '../../src/adapters/tables/sessions-schema';
import { type OfficeWorld, PURPOSE_CHOICES, SIGNUP_TITLES } from '../world';
import type { LatencyModel } from './latency';
import type { TargetVerdict } from './report';
import { fmt, type Measure, measure, newWorld, OFFICE_HOURS } from './scenarios';
import { buildDataset, memberSeed, seedSheets, tokyo, writeRows } from './seed';

export const SIGNUP_SIZES = [100, 5_000, 20_000];
export const QUICK_SIGNUP_SIZES = [100, 1_000];

/** Sessions of the bench's sign-up world: three past ones (full, told), one open (10 of 20 taken). */
const SESSION_DAYS = ['2024-04-12', '2024-05-10', '2024-06-14', '2024-07-12'];
const EARLIER_PER_SESSION = 10;
const OPEN_SESSION = 'S2024-04';

export interface SignupCost {
  members: number;
  /** Sign-up rows before the one measured. */
  earlierSignups: number;
  product: Measure;
  /** The measured sign-up's status and the emails it sent (the same on both bundles). */
  outcome: string;
}

export interface SignupResult {
  after: SignupCost[];
  before?: SignupCost[];
}

function sessionRecords() {
  return SESSION_DAYS.map((day, i) => ({
    sessionId: `S2024-0${i + 1}`,
    date: day,
    start: '19:00',
    end: '20:30',
    titleJa: '在留資格の相談',
    titleEn: 'Residency questions',
    topics: '在留資格',
    meetingUrl: `https://meet.example.org/s${i + 1}`,
    capacity: i === SESSION_DAYS.length - 1 ? 20 : EARLIER_PER_SESSION,
    status: 'open',
  }));
}

/** Members 1–40 signed up, ten a session, each accepted and told (the past ones reminded). */
function earlierSignups() {
  const out: Record<string, unknown>[] = [];
  SESSION_DAYS.forEach((day, s) => {
    for (let k = 0; k < EARLIER_PER_SESSION; k++) {
      const m = memberSeed(s * EARLIER_PER_SESSION + k + 1);
      const at = tokyo(day, '09:00') - 20 * 86_400_000 + k * 60_000;
      const sessionId = `S2024-0${s + 1}`;
      out.push({
        responseId: `2_SIGNUP${String(out.length + 1).padStart(5, '0')}`,
        submittedAt: at,
        lastResponseAt: at,
        respondentEmail: m.email,
        memberIdAnswer: m.id,
        sessionAnswer: sessionId,
        purposeAnswer: PURPOSE_CHOICES[0],
        memberId: m.id,
        name: m.name,
        sessionId,
        status: 'ACCEPTED',
        reasons: '',
        autoStatus: 'ACCEPTED',
        decidedAt: at,
        notified: 'ACCEPTED',
        ...(s < SESSION_DAYS.length - 1 ? { reminderSentAt: tokyo(day) - 86_400_000 } : {}),
      });
    }
  });
  return out;
}

function signupWorld(members: number, bundleFile?: string): OfficeWorld {
  const world = newWorld(OFFICE_HOURS, bundleFile, { withSignupForm: true });
  seedSheets(world.rt, world.ss, buildDataset({ members, applications: 0 }));
  world.rt.uncounted(() => {
    writeRows(world.ss, SESSIONS, sessionRecords());
    writeRows(world.ss, SIGNUPS, earlierSignups());
  });
  // Staff's "Update sessions now" after entering them: counts, the form's choices (not measured).
  world.rt.uncounted(() => world.rt.run('updateSessions'));
  return world;
}

/** One sign-up of a member near the end of the Members table, for the open session. */
export function signupScenario(
  members: number,
  model: LatencyModel,
  bundleFile?: string,
): SignupCost {
  const world = signupWorld(members, bundleFile);
  const who = memberSeed(Math.max(1, members - 4)); // experience declared: eligible
  const choice = world.rt.uncounted(
    () =>
      world
        .signup!.getItems()
        .find((i) => i.getTitle() === SIGNUP_TITLES.session)!
        .getChoices()
        .map((c) => c.getValue())
        .find((c) => c.startsWith(OPEN_SESSION)) ?? OPEN_SESSION,
  );
  const sent = world.rt.mail.outbox.length;
  let responseId = '';
  const m = measure(world.rt, model, () => {
    responseId = world.rt.forms
      .submit(world.signup!, {
        email: who.email,
        answers: {
          [SIGNUP_TITLES.memberId]: who.id,
          [SIGNUP_TITLES.session]: choice,
          [SIGNUP_TITLES.purpose]: PURPOSE_CHOICES[0],
        },
      })
      .getId();
  });
  const outcome = world.rt.uncounted(() => {
    const values = world.ss.getSheetByName('Sign-ups')!.getDataRange().getValues();
    const col = (h: string) => values[0].indexOf(h);
    const row = values.find((r) => r[col('Response ID / 回答ID')] === responseId);
    const mails = world.rt.mail.outbox.slice(sent).map((x) => `${x.to}: ${x.subject}`);
    return `${row ? `${row[col('Status / 状態')]} ${row[col('Name / 氏名')]}` : 'no row'}; mail ${mails.join(' | ')}`;
  });
  return {
    members,
    earlierSignups: SESSION_DAYS.length * EARLIER_PER_SESSION,
    product: m,
    outcome,
  };
}

export function measureSignups(
  sizes: readonly number[],
  model: LatencyModel,
  bundleFile?: string,
  before?: string,
  progress: (label: string) => void = () => {},
): SignupResult {
  const run = (file?: string) =>
    sizes.map((n) => {
      const r = signupScenario(n, model, file);
      progress(`sign-up, ${fmt(n)} members${file === before && before ? ' (--before)' : ''}`);
      return r;
    });
  const after = run(bundleFile);
  return { after, ...(before ? { before: run(before) } : {}) };
}

function line(c: SignupCost): string {
  const m = c.product;
  const reads = Object.entries(m.reads)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
  return `  ${fmt(c.members).padStart(6)} members: ${String(m.calls.Spreadsheet).padStart(3)} Spreadsheet calls, ${fmt(m.cellsRead).padStart(9)} cells read, lock held ${(m.lockHeldMs / 1000).toFixed(2)} s, ${(m.modelledMs / 1000).toFixed(2)} s modelled${m.error ? ' (FAILED)' : ''}; value reads: ${reads}`;
}

/** The terminal lines: each size, this bundle then --before. */
export function formatSignups(r: SignupResult): string {
  const earlier = r.after[0]?.earlierSignups ?? 0;
  const lines = [
    `Sign-up (form submit, accepted, one email), ${earlier} earlier sign-ups at every size:`,
    ...r.after.map(line),
    ...r.after.map((c) => `    ${fmt(c.members)}: ${c.outcome}`),
  ];
  if (r.before) lines.push('  --before:', ...r.before.map(line));
  return lines.join('\n');
}

/** Issue #15 item 2 for the third form: calls and cells per sign-up do not grow with the members. */
export function signupVerdict(r: SignupResult): TargetVerdict {
  const calls = r.after.map((c) => c.product.calls.Spreadsheet);
  const cells = r.after.map((c) => c.product.cellsRead);
  // Each size decided and mailed alike by both bundles (the member differs between sizes).
  const same = !r.before || r.after.every((c, i) => c.outcome === r.before?.[i]?.outcome);
  const pass =
    calls.every((c) => c === calls[0]) &&
    cells.every((c) => c === cells[0]) &&
    same &&
    r.after.every((c) => !c.product.error);
  const sizes = (list: SignupCost[]) =>
    list
      .map(
        (c) =>
          `${fmt(c.members)}: ${c.product.calls.Spreadsheet} calls, ${fmt(c.product.cellsRead)} cells`,
      )
      .join('; ');
  return {
    target:
      'Spreadsheet calls and cells read per sign-up the same at every size of the Members table (the same sign-ups)',
    pass,
    measured: `${sizes(r.after)}${r.before ? ` (--before: ${sizes(r.before)})` : ''}${same ? '' : '; the bundles decide or mail differently'}`,
    limits: [],
  };
}
