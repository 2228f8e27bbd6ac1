// Replaying exports in which members re-register (issue #13, RULES §3 "Facts as of the
// submission moment"): decisions.json and the Log through the local runner and the built
// bundle. Expectations are written by hand from RULES.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDecisions } from '../../../local/runner/decisions';
import { runEvents } from '../../../local/runner/engine';
import { readTable, tokyoMs } from '../../../local/runner/inputs';
import { planReplay } from '../../../local/runner/replay';

const REGISTRATION_HEADER =
  'タイムスタンプ,メールアドレス,氏名 / Name,フリガナ / Name (phonetic),電話番号 / Phone,郵送先住所 / Mailing address,所属団体 / Organization,活動地域（都道府県） / Area of activity (prefecture),対応できる言語 / Languages you can support in,外国にルーツがありますか / Do you have a foreign background?,伴走支援の経験 / Accompanying-support experience,連絡に使う言語 / Language for emails,個人情報の取り扱いに同意します / I agree to the privacy policy';
const APPLICATION_HEADER =
  'Timestamp,Email Address,伴走ネットID / Bansou Net ID,氏名 / Name,支援日 / Date of support,開始時刻 / Start time,終了時刻 / End time,相談者の氏名 / Name of the person supported,相談者の生まれ年 / Year of birth of the person supported,同行した支援者の伴走ネットID / Bansou Net ID of the second supporter,相談内容 / Issues,支援した地域（都道府県） / Prefecture where support took place,支援の内容 / What support was given';

const reg = (at: string, email: string, name: string, experience: 'あり / Yes' | 'なし / No') =>
  `${at},${email},${name},,,東京都,,東京都,日本語,いいえ / No,${experience},日本語,同意します / I agree`;
const apply = (at: string, email: string, id: string, day: string, who: string, second = '') =>
  `${at},${email},${id},x,${day},10:00,11:30,${who},,${second},労働 / Labor,東京都,同行`;

// Row by row (1-based data rows; a response sheet lists responses in submission order):
// registrations: 1 Aiko (no experience) → BN-00001; 2 Ben (experience) → BN-00002; 3 Dai
//   (experience, 2024-07-01) → BN-00003; 4 Chie (experience, 2024-07-20) → BN-00004; 5 Ben
//   again without experience on 2024-07-20; 6 Aiko again with experience on 2024-08-10.
const REGISTRATIONS = [
  REGISTRATION_HEADER,
  reg('2024/07/01 09:00:00', 'aiko@example.org', 'Aiko', 'なし / No'),
  reg('2024/07/01 09:10:00', 'ben@example.org', 'Ben', 'あり / Yes'),
  reg('2024/07/01 09:20:00', 'dai@example.org', 'Dai', 'あり / Yes'),
  reg('2024/07/20 09:00:00', 'chie@example.org', 'Chie', 'あり / Yes'),
  reg('2024/07/20 10:00:00', 'ben@example.org', 'Ben', 'なし / No'),
  reg('2024/08/10 09:00:00', 'aiko@example.org', 'Aiko', 'あり / Yes'),
];
// applications 1 Aiko on 07-14 (NOT_ELIGIBLE then); 2 Ben on 07-14 (on hold for documents);
//   3 the ID Chie will get, typed by chie@ before it existed (UNKNOWN_ID); 4 Dai with Ben as
//   second supporter (Ben eligible on 07-14; Ben's share waits for his documents); 5 Aiko on
//   08-12, after re-registering with experience.
const APPLICATIONS = [
  APPLICATION_HEADER,
  apply('2024/07/14 20:00:00', 'aiko@example.org', 'BN-00001', '2024/07/14', 'P1'),
  apply('2024/07/14 20:10:00', 'ben@example.org', 'BN-00002', '2024/07/14', 'P2'),
  apply('2024/07/14 20:20:00', 'chie@example.org', 'BN-00004', '2024/07/14', 'P3'),
  apply('2024/07/14 20:30:00', 'dai@example.org', 'BN-00003', '2024/07/13', 'P4', 'BN-00002'),
  apply('2024/08/12 20:00:00', 'aiko@example.org', 'BN-00001', '2024/08/12', 'P5'),
];
// Documents: Aiko, Chie and Dai from the start; Ben's only on 2024-08-20.
const DOCUMENTS = [
  'Bansou Net ID,Fiscal year,Memorandum received,Account notification received',
  'BN-00001,2024,2024/07/01,2024/07/01',
  'BN-00004,2024,2024/07/20,2024/07/20',
  'BN-00003,2024,2024/07/01,2024/07/01',
  'BN-00002,2024,2024/08/20,2024/08/20',
];

const UNTIL = tokyoMs({ year: 2024, month: 10, day: 2, hour: 12, minute: 0, second: 0 });

async function replayOutcome() {
  const dir = mkdtempSync(join(tmpdir(), 'facts-as-of-'));
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return readTable(join(dir, name));
  };
  const plan = planReplay({
    registrations: await file('registrations.csv', REGISTRATIONS),
    applications: await file('applications.csv', APPLICATIONS),
    documents: await file('documents.csv', DOCUMENTS),
    settings: { staffEmail: 'staff@example.org' },
  });
  return runEvents({
    world: {
      registrationForm: plan.registrationForm,
      applicationForm: plan.applicationForm,
      settings: plan.settings,
    },
    events: plan.events,
    until: UNTIL,
  });
}

describe('a replay in which members re-register', () => {
  let outcome: Awaited<ReturnType<typeof replayOutcome>>;
  beforeAll(async () => {
    outcome = await replayOutcome();
  });

  test('every application keeps the decision of its own moment, and the money follows it', () => {
    const d = readDecisions(outcome);
    expect(d.members.map((m) => m.memberId)).toEqual([
      'BN-00001',
      'BN-00002',
      'BN-00003',
      'BN-00004',
      'BN-00002',
      'BN-00001',
    ]);
    expect(d.applications.map((a) => [a.row, a.status, a.reasons, a.supporters, a.onHold])).toEqual(
      [
        [1, 'REJECTED', ['NOT_ELIGIBLE'], [], false], // no experience on 07-14 (R7)
        [2, 'ACCEPTED', [], ['BN-00002'], false], // Ben's later "No" changes nothing; paid
        [3, 'REJECTED', ['UNKNOWN_ID'], [], false], // BN-00004 issued only on 07-20 (R5)
        [4, 'ACCEPTED', [], ['BN-00003', 'BN-00002'], false], // both paid: no longer on hold
        [5, 'ACCEPTED', [], ['BN-00001'], false], // after the re-registration with experience
      ],
    );
    // July: Dai (BN-00003) paid at once; Ben's two lines wait for his documents (08-20) and
    // are paid in the August settlement, carried over; August: Aiko's second application.
    // (Months from the program start to June 2024 are settled with nothing to pay.)
    const since = Object.fromEntries(Object.entries(d.payments).filter(([m]) => m >= '2024-07'));
    expect(since).toEqual({
      '2024-07': [{ memberId: 'BN-00003', cases: 1, amount: 4000 }],
      '2024-08': [
        { memberId: 'BN-00001', cases: 1, amount: 4000 },
        { memberId: 'BN-00002', cases: 2, amount: 8000 },
      ],
      '2024-09': [],
    });
  });

  test('the Log shows no status change made by a monthly run (no staff action in a replay)', () => {
    const runs = outcome.office.rt.executions.filter(
      (e) => e.functionName === 'runMonthlyPayments',
    );
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const log = outcome.office.ss.getSheetByName('Log')!.getDataRange().getValues().slice(1);
    const byMonthlyRun = log.filter((row) => {
      const at = (row[0] as Date).getTime();
      return runs.some((r) => at >= r.startedAt && at <= r.endedAt);
    });
    expect(byMonthlyRun.map((row) => row[1])).not.toContain('DECIDED');
    // And nothing ever changed a status after the first decision.
    const changes = log.filter((row) => row[1] === 'DECIDED' && !String(row[4]).startsWith('—'));
    expect(changes).toEqual([]);
  });
});
