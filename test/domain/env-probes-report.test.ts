// The Forms, Triggers and Mail lines of "Check this Google environment / 環境チェック" (#17) and
// the report around them. Expected verdicts and texts are written by hand from APPS-SCRIPT-FACTS
// (Forms: "date → 'yyyy-MM-dd', time → 'HH:mm', checkbox → string[]"; Triggers: "installable
// triggers run as the user who created them … getProjectTriggers() returns only the current
// user's triggers"; Mail: "getRemainingDailyQuota() tells what is left") and the staff guide's
// section 2.1 (expected / DIFFERENT / pending, in English and Japanese; a DIFFERENT line means
// "send the report to the person who maintains the system").
import {
  formatEnvReport,
  judgeAnswerShape,
  judgeMailQuota,
  judgeTriggerKinds,
  judgeTriggers,
  type ProbeResult,
} from '../../src/domain/env-probes';

describe('a form answer line: the shape of the latest response', () => {
  const q = { form: 'application / 申請', question: '支援日 / Support date' };

  test("a date answer 'yyyy-MM-dd' is expected and shown as given", () => {
    expect(judgeAnswerShape({ ...q, itemType: 'DATE', answer: '2023-07-20' })).toEqual({
      name: 'Forms: application / 申請 "支援日 / Support date" (DATE)',
      verdict: 'expected',
      detail: '"2023-07-20"',
    });
  });

  test("a date answer in any other shape is different and says 'yyyy-MM-dd' was expected", () => {
    expect(judgeAnswerShape({ ...q, itemType: 'DATE', answer: '2023/07/20' })).toEqual({
      name: 'Forms: application / 申請 "支援日 / Support date" (DATE)',
      verdict: 'different',
      detail: `"2023/07/20"; expected 'yyyy-MM-dd'`,
    });
    for (const answer of [
      '2023-07-20 10:00',
      ' 2023-07-20',
      '23-07-20',
      '2023-7-20',
      '2023-07-2',
    ]) {
      expect(judgeAnswerShape({ ...q, itemType: 'DATE', answer })!.verdict).toBe('different');
    }
    // A list holding the date is not the date (String(['2023-07-20']) would look like one).
    expect(judgeAnswerShape({ ...q, itemType: 'DATE', answer: ['2023-07-20'] })).toEqual({
      name: 'Forms: application / 申請 "支援日 / Support date" (DATE)',
      verdict: 'different',
      detail: `["2023-07-20"]; expected 'yyyy-MM-dd'`,
    });
  });

  test("a time answer 'HH:mm' is expected; 9:05, 10:00:00, 2:03 PM or a list are different", () => {
    const t = { form: 'application / 申請', question: '開始時刻 / Start time', itemType: 'TIME' };
    expect(judgeAnswerShape({ ...t, answer: '10:00' })).toEqual({
      name: 'Forms: application / 申請 "開始時刻 / Start time" (TIME)',
      verdict: 'expected',
      detail: '"10:00"',
    });
    expect(judgeAnswerShape({ ...t, answer: '2:03 PM' })).toEqual({
      name: 'Forms: application / 申請 "開始時刻 / Start time" (TIME)',
      verdict: 'different',
      detail: `"2:03 PM"; expected 'HH:mm'`,
    });
    for (const answer of ['9:05', '10:00:00', 'T10:00', '100:00', '10:0']) {
      expect(judgeAnswerShape({ ...t, answer })!.verdict).toBe('different');
    }
    expect(judgeAnswerShape({ ...t, answer: ['10:00'] })!.verdict).toBe('different');
  });

  test('a checkbox answer is the list of the chosen choices, in any order', () => {
    const c = {
      form: 'application / 申請',
      question: '相談内容 / Issues',
      itemType: 'CHECKBOX',
      choices: ['医療 / Healthcare', '労働 / Labor', '住まい / Housing'],
    };
    expect(judgeAnswerShape({ ...c, answer: ['労働 / Labor', '医療 / Healthcare'] })).toEqual({
      name: 'Forms: application / 申請 "相談内容 / Issues" (CHECKBOX)',
      verdict: 'expected',
      detail: '["労働 / Labor","医療 / Healthcare"]',
    });
    expect(judgeAnswerShape({ ...c, answer: [] })!.verdict).toBe('expected');
  });

  test('a checkbox answer given as one text, or holding something that is not one of the choices, is different', () => {
    const c = {
      form: 'application / 申請',
      question: '相談内容 / Issues',
      itemType: 'CHECKBOX',
      choices: ['医療 / Healthcare', '労働 / Labor'],
    };
    expect(judgeAnswerShape({ ...c, answer: '医療 / Healthcare, 労働 / Labor' })).toEqual({
      name: 'Forms: application / 申請 "相談内容 / Issues" (CHECKBOX)',
      verdict: 'different',
      detail:
        '"医療 / Healthcare, 労働 / Labor"; expected a list of the chosen choices (any order)',
    });
    expect(judgeAnswerShape({ ...c, answer: ['医療 / Healthcare', 'Other'] })).toEqual({
      name: 'Forms: application / 申請 "相談内容 / Issues" (CHECKBOX)',
      verdict: 'different',
      detail: '["医療 / Healthcare","Other"]; expected a list of the chosen choices (any order)',
    });
    expect(judgeAnswerShape({ ...c, answer: [['医療 / Healthcare']] })!.verdict).toBe('different');
  });

  test('without the choices known (none, or an empty list), any list of texts is expected, and a list of numbers is not', () => {
    const c = { form: 'course / 講座', question: '受講 / Taken', itemType: 'CHECKBOX' };
    expect(judgeAnswerShape({ ...c, answer: ['x', 'y'] })!.verdict).toBe('expected');
    expect(judgeAnswerShape({ ...c, answer: ['x'], choices: [] })!.verdict).toBe('expected');
    expect(judgeAnswerShape({ ...c, answer: [1] })!.verdict).toBe('different');
    expect(judgeAnswerShape({ ...c, answer: [1], choices: [] })!.verdict).toBe('different');
  });

  test('questions of other types (text, paragraph, multiple choice, date-time) have no line', () => {
    for (const itemType of ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'DATETIME', 'date']) {
      expect(judgeAnswerShape({ ...q, itemType, answer: '2023-07-20' })).toBeNull();
    }
  });
});

describe('the trigger owner line and the installed-once line', () => {
  const wanted = ['onRegistrationSubmit', 'onApplicationSubmit', 'sweep'];

  test('before any set-up recorded an owner: one line, different, asking to run Set up / check', () => {
    expect(
      judgeTriggers({ me: 'office@x.org', owner: null, seesRecorded: false, visible: [], wanted }),
    ).toEqual([
      {
        name: 'Triggers: owner / トリガーの所有者',
        verdict: 'different',
        detail:
          'no set-up has recorded an owner: run "Set up / check" / 「セットアップ / 確認」を実行してください',
      },
    ]);
  });

  test('the owner running the check sees the owner (this account) and each wanted trigger once', () => {
    expect(
      judgeTriggers({
        me: 'office@x.org',
        owner: 'office@x.org',
        seesRecorded: true,
        visible: ['sweep', 'onApplicationSubmit', 'onRegistrationSubmit'],
        wanted,
      }),
    ).toEqual([
      {
        name: 'Triggers: owner / トリガーの所有者',
        verdict: 'expected',
        detail: 'office@x.org (this account / このアカウント)',
      },
      {
        name: 'Triggers: installed once each / トリガーが各1つ',
        verdict: 'expected',
        detail: 'onRegistrationSubmit, onApplicationSubmit, sweep',
      },
    ]);
  });

  test('an owner whose address Google does not give is called this account', () => {
    expect(
      judgeTriggers({ me: '', owner: '', seesRecorded: true, visible: wanted, wanted })[0].detail,
    ).toBe('this account (this account / このアカウント)');
  });

  test('another account is told who owns the triggers and to run the check as the owner, with no installed-once line', () => {
    expect(
      judgeTriggers({
        me: 'volunteer@x.org',
        owner: 'office@x.org',
        seesRecorded: false,
        visible: [],
        wanted,
      }),
    ).toEqual([
      {
        name: 'Triggers: owner / トリガーの所有者',
        verdict: 'different',
        detail:
          'owned by office@x.org; this account (volunteer@x.org) cannot see them — run the check as the owner / 所有者のアカウントで実行してください',
      },
    ]);
    expect(
      judgeTriggers({ me: '', owner: '', seesRecorded: false, visible: wanted, wanted }),
    ).toEqual([
      {
        name: 'Triggers: owner / トリガーの所有者',
        verdict: 'different',
        detail:
          'owned by another account; this account (address not available) cannot see them — run the check as the owner / 所有者のアカウントで実行してください',
      },
    ]);
  });

  test('a missing trigger is named, with "—" for none installed twice', () => {
    expect(
      judgeTriggers({
        me: 'office@x.org',
        owner: 'office@x.org',
        seesRecorded: true,
        visible: ['onApplicationSubmit'],
        wanted,
      })[1],
    ).toEqual({
      name: 'Triggers: installed once each / トリガーが各1つ',
      verdict: 'different',
      detail: 'missing onRegistrationSubmit, sweep; twice — — run "Set up / check"',
    });
  });

  test('a trigger installed twice (or three times) is named once, with "—" for none missing', () => {
    expect(
      judgeTriggers({
        me: 'office@x.org',
        owner: 'office@x.org',
        seesRecorded: true,
        visible: [...wanted, 'sweep', 'sweep', 'onApplicationSubmit'],
        wanted,
      })[1],
    ).toEqual({
      name: 'Triggers: installed once each / トリガーが各1つ',
      verdict: 'different',
      detail: 'missing —; twice sweep, onApplicationSubmit — run "Set up / check"',
    });
  });

  test('a trigger missing and another installed twice are both named', () => {
    expect(
      judgeTriggers({
        me: 'office@x.org',
        owner: 'office@x.org',
        seesRecorded: true,
        visible: ['sweep', 'onApplicationSubmit', 'sweep'],
        wanted,
      })[1].detail,
    ).toBe('missing onRegistrationSubmit; twice sweep — run "Set up / check"');
  });
});

describe('the mail quota line', () => {
  test('the email quota left today is expected while at least one is left, and shown as a number', () => {
    expect(judgeMailQuota(1)).toEqual({
      name: 'Mail: quota left today / 本日の残りメール送信数',
      verdict: 'expected',
      detail: '1',
    });
    expect(judgeMailQuota(1497).detail).toBe('1497');
  });

  test('no quota left is different: no email can be sent today, messages wait in the Outbox', () => {
    const none = {
      name: 'Mail: quota left today / 本日の残りメール送信数',
      verdict: 'different',
      detail:
        '0: no email can be sent today; messages wait in the Outbox / 本日は送信できません（送信待ちに残ります）',
    };
    expect(judgeMailQuota(0)).toEqual(none);
    expect(judgeMailQuota(-1)).toEqual(none);
  });
});

describe('the trigger-kind lines: a trigger of each kind reached the office spreadsheet', () => {
  const since = '2024-07-01T00:00:00.000Z';
  const pendingDetail = `not yet: recorded by the trigger on its next run (since 2024-07-01T00:00:00.000Z); run this check again later / 次回のトリガー実行後に、もう一度チェックしてください`;

  test('right after the first check both kinds are pending, in both languages', () => {
    expect(judgeTriggerKinds({}, since)).toEqual([
      {
        name: 'Triggers: a form-submit trigger reaches the office spreadsheet / フォーム送信トリガーがスプレッドシートに届く',
        verdict: 'pending',
        detail: pendingDetail,
      },
      {
        name: 'Triggers: a time-driven trigger reaches the office spreadsheet / 時間主導トリガーがスプレッドシートに届く',
        verdict: 'pending',
        detail: pendingDetail,
      },
    ]);
  });

  test('a kind is expected once one of its triggers worked in the spreadsheet, naming it and when', () => {
    const r = judgeTriggerKinds(
      {
        onRegistrationSubmit: null,
        onSignupSubmit: { at: '2024-07-02T03:04:05.000Z', what: 'spreadsheet' },
        runSessionsDaily: { at: '2024-07-01T00:00:00.000Z', what: 'spreadsheet' },
      },
      since,
    );
    expect(r).toEqual([
      {
        name: 'Triggers: a form-submit trigger reaches the office spreadsheet / フォーム送信トリガーがスプレッドシートに届く',
        verdict: 'expected',
        detail: 'onSignupSubmit at 2024-07-02T03:04:05.000Z',
      },
      {
        // A run at the very moment of the first check counts.
        name: 'Triggers: a time-driven trigger reaches the office spreadsheet / 時間主導トリガーがスプレッドシートに届く',
        verdict: 'expected',
        detail: 'runSessionsDaily at 2024-07-01T00:00:00.000Z',
      },
    ]);
  });

  test('every form-submit and every time-driven handler counts for its kind; the first one in the list is named', () => {
    const ran = (at: string) => ({ at, what: 'spreadsheet' });
    const formKind = (h: string) =>
      judgeTriggerKinds({ [h]: ran('2024-07-05T00:00:00.000Z') }, since)[0];
    const clockKind = (h: string) =>
      judgeTriggerKinds({ [h]: ran('2024-07-05T00:00:00.000Z') }, since)[1];
    for (const h of [
      'onRegistrationSubmit',
      'onApplicationSubmit',
      'onCourseSubmit',
      'onSignupSubmit',
    ]) {
      expect([h, formKind(h).verdict, clockKind(h).verdict]).toEqual([h, 'expected', 'pending']);
    }
    for (const h of ['sweep', 'runMonthlyPayments', 'sendQueuedEmails', 'runSessionsDaily']) {
      expect([h, formKind(h).verdict, clockKind(h).verdict]).toEqual([h, 'pending', 'expected']);
    }
    const both = judgeTriggerKinds(
      {
        runMonthlyPayments: ran('2024-07-03T00:00:00.000Z'),
        sweep: ran('2024-07-04T00:00:00.000Z'),
      },
      since,
    );
    expect(both[1].detail).toBe('sweep at 2024-07-04T00:00:00.000Z');
  });

  test('a run before the first check, or one that did not reach the spreadsheet, leaves the kind pending', () => {
    const r = judgeTriggerKinds(
      {
        onApplicationSubmit: { at: '2024-06-30T23:59:59.999Z', what: 'spreadsheet' },
        sendQueuedEmails: { at: '2024-07-01T02:00:00.000Z', what: 'idle' },
        sweep: { at: '2024-07-01T02:00:00.000Z', what: '' },
      },
      since,
    );
    expect(r.map((x) => [x.verdict, x.detail])).toEqual([
      ['pending', pendingDetail],
      ['pending', pendingDetail],
    ]);
  });
});

describe('the whole report', () => {
  const ok: ProbeResult = { name: 'Mail: quota', verdict: 'expected', detail: '100' };
  const bad: ProbeResult = { name: 'Triggers: owner', verdict: 'different', detail: 'owned by x' };
  const wait: ProbeResult = { name: 'Triggers: a kind', verdict: 'pending', detail: 'not yet' };

  test('a title, the count of each verdict in both languages, then one marked line per probe and the notes', () => {
    expect(
      formatEnvReport(
        [ok, wait, ok],
        ['This Google drops a leading apostrophe written into a Plain-text cell.'],
      ),
    ).toBe(
      [
        'Google environment check / 環境チェック',
        '2 expected, 0 different, 1 pending / 想定どおり 2、想定と違う 0、確認待ち 1',
        '',
        '✓ expected / 想定どおり — Mail: quota: 100',
        '… pending / 確認待ち — Triggers: a kind: not yet',
        '✓ expected / 想定どおり — Mail: quota: 100',
        '',
        'This Google drops a leading apostrophe written into a Plain-text cell.',
      ].join('\n'),
    );
  });

  test('without notes nothing follows the probe lines', () => {
    expect(formatEnvReport([ok])).toBe(
      [
        'Google environment check / 環境チェック',
        '1 expected, 0 different, 0 pending / 想定どおり 1、想定と違う 0、確認待ち 0',
        '',
        '✓ expected / 想定どおり — Mail: quota: 100',
      ].join('\n'),
    );
  });

  test('when something is different the report ends asking to send it to the person who installed the system', () => {
    expect(formatEnvReport([bad, ok, bad], ['a note'])).toBe(
      [
        'Google environment check / 環境チェック',
        '1 expected, 2 different, 0 pending / 想定どおり 1、想定と違う 2、確認待ち 0',
        '',
        '✗ DIFFERENT / 想定と違う — Triggers: owner: owned by x',
        '✓ expected / 想定どおり — Mail: quota: 100',
        '✗ DIFFERENT / 想定と違う — Triggers: owner: owned by x',
        '',
        'a note',
        '',
        'Something differs from what the system was built and tested for: send this report to the person who installed it. / 想定と違う項目があります。このレポートを設置担当者に送ってください。',
      ].join('\n'),
    );
  });

  test('no probe at all: zero of each, no request to send the report', () => {
    expect(formatEnvReport([])).toBe(
      [
        'Google environment check / 環境チェック',
        '0 expected, 0 different, 0 pending / 想定どおり 0、想定と違う 0、確認待ち 0',
        '',
      ].join('\n'),
    );
  });
});
