// (b) The demo runs the guide's pictures are drawn from: a small office on the BUILT bundle
// (dist/Code.js) in the local runtime, and the online sessions of guide section 10.
import type { SheetData } from '../../local/runtime/spreadsheet';
import {
  APPLICATION_TITLES as A,
  createOfficeWorld,
  type OfficeWorld,
  REGISTRATION_TITLES as R,
  SIGNUP_TITLES as S,
  writeSettings,
} from '../../local/world';

// ---------------------------------------------------------------------------------------------
// (b) The demo: a small office month or two on the built bundle

const tokyo = (isoLocal: string): number => Date.parse(`${isoLocal}+09:00`);

/** A cell as staff type it (uncounted: a person, not the script). */
function staffTypes(
  w: OfficeWorld,
  sheetName: string,
  row: number | 'new',
  cells: Record<string, string>,
) {
  w.rt.uncounted(() => {
    const sheet = w.ss.getSheetByName(sheetName)!;
    const header = sheet
      .getRange(1, 1, 1, sheet.getLastColumn())
      .getValues()[0]
      .map((h) => String(h).split(' / ')[0]);
    if (row === 'new') {
      sheet.appendRow(header.map((h) => cells[h] ?? ''));
      return;
    }
    for (const [column, value] of Object.entries(cells)) {
      sheet.getRange(row + 1, header.indexOf(column) + 1).setValue(value);
    }
  });
}

/** The data row (1-based) whose column holds `value`. */
function findRow(w: OfficeWorld, sheetName: string, column: string, value: string): number {
  const data = w.ss.sheetsData().find((s) => s.name === sheetName)!;
  const c = data.values[0].findIndex((h) => String(h).split(' / ')[0] === column);
  const r = data.values.findIndex((row, i) => i > 0 && String(row[c]) === value);
  if (r < 1) throw new Error(`${sheetName}: no row with ${column} = ${value}`);
  return r;
}

export interface DemoResult {
  world: OfficeWorld;
  /** Snapshots of sheets taken at the moment the guide talks about. */
  sheets: Map<string, SheetData>;
  /** The first Set up / check, before Settings were filled in. */
  firstSetupReport: string;
}

/** Runs the demo on the bundle (default dist/Code.js) and returns the sheets to draw. */
export function runDemo(bundle?: string): DemoResult {
  // A small daily quota so the Outbox has something to show; the real one is 100 or 1,500.
  const w = createOfficeWorld({ start: tokyo('2024-07-01T09:00:00'), dailyMailQuota: 4, bundle });
  const { rt, ss } = w;
  const sheets = new Map<string, SheetData>();
  const snap = (name: string, as = name) => {
    const data = ss.sheetsData().find((s) => s.name === name);
    if (!data) throw new Error(`the demo made no sheet "${name}"`);
    sheets.set(as, data);
  };
  const at = (iso: string) => rt.advanceTo(tokyo(iso));

  // As on the first day: the first Set up / check makes the Settings sheet and asks for the
  // form addresses and the staff email; staff fill them in and run it again.
  ss.deleteSheet(ss.getSheetByName('Settings')!);
  const firstSetupReport = String(rt.run('setup'));
  writeSettings(rt, ss, {
    registrationFormUrl: w.registration.getEditUrl(),
    applicationFormUrl: w.application.getEditUrl(),
    staffEmail: w.staffEmail,
  });
  rt.run('setup');
  snap('Settings');

  const register = (email: string, name: string, experience: string, language: string) =>
    rt.forms.submit(w.registration, {
      email,
      answers: {
        [R.name]: name,
        [R.phone]: '090-1234-5678',
        [R.address]: '東京都台東区上野1-2-3',
        [R.organization]: 'SMJ',
        [R.area]: '東京都',
        [R.languages]: [language === '日本語' ? '日本語' : 'English'],
        [R.experience]: experience,
        [R.emailLanguage]: language,
        [R.consent]: ['同意します / I agree'],
      },
    });
  const apply = (
    email: string,
    a: { id: string; date: string; start: string; end: string; person: string; second?: string },
  ) =>
    rt.forms
      .submit(w.application, {
        email,
        answers: {
          [A.applicantId]: a.id,
          [A.applicantName]: 'demo',
          [A.supportDate]: a.date,
          [A.startTime]: a.start,
          [A.endTime]: a.end,
          [A.recipientName]: a.person,
          [A.secondId]: a.second ?? '',
          [A.issues]: ['在留資格 / Residency status'],
          [A.prefecture]: '東京都',
          [A.description]: '入管への同行 / went with them to immigration',
        },
      })
      .getId();

  at('2024-07-01T10:12:00');
  register('sato@example.org', '佐藤 花子', 'あり / Yes', '日本語'); // BN-00001
  at('2024-07-01T11:40:00');
  register('mai.nguyen@example.org', 'Nguyen Thi Mai', 'あり / Yes', 'English'); // BN-00002
  at('2024-07-02T09:05:00');
  register('maria.santos@example.org', 'Maria Santos', 'なし / No', 'English'); // BN-00003
  at('2024-07-02T14:30:00');
  register('tanaka@example.org', '田中 一郎', 'あり / Yes', '日本語'); // BN-00004
  snap('Members');

  // The office receives the documents and ticks them; Maria has done four course modules.
  at('2024-07-08T10:00:00');
  const documents = (id: string, memo: string, account: string, note = '') =>
    staffTypes(w, 'Documents', 'new', {
      'Bansou Net ID': id,
      'Fiscal year': '2024',
      'Memorandum received': memo,
      'Account notification received': account,
      Note: note,
    });
  documents('BN-00001', '2024/07/05', '2024/07/05');
  documents('BN-00002', '2024/07/06', '2024/07/06');
  documents('BN-00004', '2024/07/08', '', '口座届 未着 / account form not yet');
  for (const [module, day] of [
    ['Basic 1', '2024/06/03'],
    ['Basic 2', '2024/06/10'],
    ['Basic 3', '2024/06/17'],
    ['Basic 4', '2024/06/24'],
  ]) {
    staffTypes(w, 'Course', 'new', {
      'Bansou Net ID': 'BN-00003',
      Module: module,
      'Completed on': day,
    });
  }

  // A busy day of applications: more mail than the (tiny) quota, so some waits in the Outbox.
  at('2024-07-25T10:05:00');
  const paidLater = apply('sato@example.org', {
    id: 'BN-00001',
    date: '2024-07-05',
    start: '10:00',
    end: '11:30',
    person: 'Tran Van Binh',
  });
  at('2024-07-25T10:30:00');
  apply('sato@example.org', {
    id: 'bn-00001',
    date: '2024-07-10',
    start: '13:00',
    end: '16:00',
    person: 'Li Wei',
    second: 'BN-00002',
  });
  at('2024-07-25T11:00:00');
  const tooShort = apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-07-12',
    start: '10:00',
    end: '10:40',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T11:20:00');
  apply('maria.santos@example.org', {
    id: 'BN-00003',
    date: '2024-07-15',
    start: '09:30',
    end: '11:00',
    person: 'Rosa Dela Cruz',
  });
  at('2024-07-25T13:00:00');
  apply('tanaka@example.org', {
    id: 'BN-00004',
    date: '2024-07-18',
    start: '09:00',
    end: '12:00',
    person: 'Kim Soo-jin',
  });
  at('2024-07-25T13:40:00');
  apply('someone.else@example.org', {
    id: 'BN-00002',
    date: '2024-07-19',
    start: '10:00',
    end: '12:00',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T14:10:00');
  apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-06-10',
    start: '13:00',
    end: '15:00',
    person: 'Ahmed Khan',
  });
  at('2024-07-25T17:30:00');
  snap('Outbox');

  // The applicant phoned: the support really lasted 70 minutes. Staff override with a note.
  at('2024-07-26T10:00:00');
  staffTypes(w, 'Applications', findRow(w, 'Applications', 'Response ID', tooShort), {
    'Staff override': 'ACCEPTED / 受理',
    'Staff note': '電話で確認：実際は10:00〜11:10 / phoned: really 10:00–11:10',
  });
  rt.run('redecideAll');

  // Day 1 of August, 06:00: the monthly trigger makes "Payments 2024-07".
  at('2024-08-01T07:00:00');

  // August: Maria completes Basic 5; Tanaka's account form arrives; more applications.
  at('2024-08-02T10:00:00');
  staffTypes(w, 'Course', 'new', {
    'Bansou Net ID': 'BN-00003',
    Module: 'Basic 5',
    'Completed on': '2024/08/02',
  });
  staffTypes(w, 'Documents', findRow(w, 'Documents', 'Bansou Net ID', 'BN-00004'), {
    'Account notification received': '2024/08/05',
    Note: '',
  });
  at('2024-08-10T09:00:00');
  // Sato changes an answer of an application already paid: the payment stands, it is flagged.
  rt.forms.editResponse(paidLater, {
    answers: {
      [A.applicantId]: 'BN-00001',
      [A.applicantName]: 'demo',
      [A.supportDate]: '2024-07-05',
      [A.startTime]: '10:00',
      [A.endTime]: '11:45',
      [A.recipientName]: 'Tran Van Binh',
      [A.issues]: ['在留資格 / Residency status'],
      [A.prefecture]: '東京都',
      [A.description]: '入管への同行 / went with them to immigration',
    },
  });
  at('2024-08-20T15:00:00');
  apply('maria.santos@example.org', {
    id: 'BN-00003',
    date: '2024-08-10',
    start: '10:00',
    end: '12:30',
    person: 'Rosa Dela Cruz',
  });
  at('2024-08-20T15:30:00');
  apply('sato@example.org', {
    id: 'BN-00001',
    date: '2024-08-12',
    start: '14:00',
    end: '15:30',
    person: 'Tran Van Binh',
  });
  at('2024-08-21T11:00:00');
  const checking = apply('mai.nguyen@example.org', {
    id: 'BN-00002',
    date: '2024-08-15',
    start: '10:00',
    end: '11:30',
    person: 'Ahmed Khan',
  });
  at('2024-08-22T10:00:00');
  staffTypes(w, 'Applications', findRow(w, 'Applications', 'Response ID', checking), {
    'Staff override': 'REVIEW / 確認中',
    'Staff note': '相談者の生まれ年を本人に確認中 / asking for the year of birth',
  });
  rt.run('redecideAll');

  // Day 1 of September: "Payments 2024-08", with July's on-hold payment carried over.
  at('2024-09-01T07:00:00');
  for (const name of [
    'Applications',
    'Documents',
    'Course',
    'Log',
    'Payments 2024-08',
    'Statistics',
  ])
    snap(name);
  return { world: w, sheets, firstSetupReport };
}

/**
 * The online sessions (guide section 10): a spring with two sessions, sign-ups that meet every
 * rule, a waiting list, a staff cancellation that promotes the first waiting sign-up.
 */
export function runSessionsDemo(bundle?: string): Map<string, SheetData> {
  const w = createOfficeWorld({
    start: tokyo('2024-04-01T09:00:00'),
    withSignupForm: true,
    bundle,
  });
  const { rt, ss } = w;
  const at = (iso: string) => rt.advanceTo(tokyo(iso));
  rt.run('setup');
  const register = (email: string, name: string, experience: boolean, foreign: boolean) =>
    rt.forms.submit(w.registration, {
      email,
      answers: {
        [R.name]: name,
        [R.experience]: experience ? 'あり / Yes' : 'なし / No',
        [R.foreignBackground]: foreign ? 'はい / Yes' : 'いいえ / No',
        [R.emailLanguage]: foreign ? 'English' : '日本語',
        [R.consent]: ['同意します / I agree'],
      },
    });
  register('sato@example.org', '佐藤 花子', true, false); // BN-00001
  register('mai.nguyen@example.org', 'Nguyen Thi Mai', true, true); // BN-00002
  register('maria.santos@example.org', 'Maria Santos', false, true); // BN-00003
  register('tanaka@example.org', '田中 一郎', false, false); // BN-00004
  register('kim@example.org', 'Kim Soo-jin', true, true); // BN-00005
  const session = (id: string, date: string, ja: string, en: string, capacity: string) =>
    staffTypes(w, 'Sessions', 'new', {
      'Session ID': id,
      Date: date,
      Start: '19:00',
      End: '20:30',
      'Title (Japanese)': ja,
      'Title (English)': en,
      Topics: ja,
      'Meeting URL': `https://meet.example.org/bansou-${id.toLowerCase()}`,
      Capacity: capacity,
      'Sign-up closes': `${date.slice(0, 8)}${String(Number(date.slice(8)) - 1).padStart(2, '0')} 17:00`,
      Status: 'open',
    });
  session('S2024-01', '2024-05-17', '医療と福祉', 'Healthcare and welfare', '2');
  session('S2024-02', '2024-07-19', '住まいの問題', 'Housing', '20');
  rt.run('updateSessions');
  const signUp = (email: string, id: string, sessionId: string, purpose: string) => {
    const item = w.signup!.getItems().find((i) => i.getTitle() === S.session)!;
    const choice = item
      .getChoices()
      .map((c) => c.getValue())
      .find((c) => c.startsWith(`${sessionId} `))!;
    return rt.forms
      .submit(w.signup!, {
        email,
        answers: { [S.memberId]: id, [S.session]: choice, [S.purpose]: purpose },
      })
      .getId();
  };
  at('2024-04-20T10:00:00');
  signUp('sato@example.org', 'BN-00001', 'S2024-01', '参加 / Participation');
  at('2024-04-21T11:00:00');
  const mai = signUp('mai.nguyen@example.org', 'BN-00002', 'S2024-01', '参加 / Participation');
  at('2024-04-22T12:00:00');
  signUp('maria.santos@example.org', 'BN-00003', 'S2024-01', '研修 / Training');
  at('2024-04-23T13:00:00');
  signUp('tanaka@example.org', 'BN-00004', 'S2024-02', '参加 / Participation');
  at('2024-04-24T14:00:00');
  signUp('someone.else@example.org', 'BN-00005', 'S2024-02', '参加 / Participation');
  at('2024-04-25T15:00:00');
  signUp('sato@example.org', 'BN-00001', 'S2024-01', '参加 / Participation');
  at('2024-04-26T16:00:00');
  signUp('visitor@example.org', 'BN-00099', 'S2024-02', '参加 / Participation');
  // Mai phones: she cannot come. Staff cancel; Maria moves up from the waiting list.
  at('2024-05-10T10:00:00');
  staffTypes(w, 'Sign-ups', findRow(w, 'Sign-ups', 'Response ID', mai), {
    'Staff override': 'CANCELLED / 取消',
    'Staff note': '電話で辞退 / cancelled by phone',
  });
  rt.run('updateSessions');
  at('2024-05-18T10:00:00');
  staffTypes(w, 'Sign-ups', 1, { Attended: 'TRUE' });
  staffTypes(w, 'Sign-ups', 3, { Attended: 'TRUE' });
  rt.run('updateSessions');
  const sheets = new Map<string, SheetData>();
  for (const name of ['Sessions', 'Sign-ups']) {
    const data = ss.sheetsData().find((s) => s.name === name);
    if (!data) throw new Error(`the sessions demo made no sheet "${name}"`);
    sheets.set(name, data);
  }
  return sheets;
}
