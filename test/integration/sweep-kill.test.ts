// The full pass of "Process missed responses" on a slow day, with the runtime killing every
// execution that runs past 6 minutes (Apps Script quotas: "Script runtime 6 min / execution",
// `Exceeded maximum execution time`). Each call takes the bench's modelled time; here Forms
// answers 60 ms per response getter and each email takes 1 s to send. Compared with the same
// office where calls take no time: nothing is lost — rows, mail, log lines — and every run
// makes progress.
import { callCost, defaultModel } from '../../local/bench/latency';
import {
  failedExecutions,
  freshGlobalsInThisFile,
  type Office,
  office,
  tokyo,
  uncounted,
} from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

const HISTORY = 2000;
const MISSING_EVERY = 10; // 1 in 10 of the responses after the history was never processed
const SLOW_DAY = (() => {
  const model = defaultModel();
  model.perMethod['Forms.getId'] = 100;
  model.perMethod['Forms.getTimestamp'] = 100;
  model.perMethod['Mail.sendEmail'] = 1000;
  return model;
})();

function build(): Office {
  const o = office({ dailyMailQuota: 1_000_000 });
  for (let i = 1; i <= 40; i++) o.register({ email: `m${i}@example.org`, name: `Member ${i}` });
  o.rt.ctx.clock.set(tokyo('2023-08-01T10:00:00'));
  const first = tokyo('2023-07-16T09:00:00');
  const apply = (i: number, drop: boolean) => {
    const member = (i % 40) + 1;
    o.rt.forms.submit(
      o.application,
      {
        email: `m${member}@example.org`,
        at: first + i * 60_000,
        answers: applicationAnswers(o, member, i),
      },
      { drop },
    );
  };
  // The history: processed long ago (here by one full pass while calls took no time).
  for (let i = 0; i < HISTORY; i++) apply(i * MISSING_EVERY, true);
  o.rt.run('processMissedResponses');
  // Responses whose triggers never fired, spread over the same weeks, and some registrations.
  for (let i = 0; i < HISTORY / 10; i++) apply(i * MISSING_EVERY * 10 + 5, true);
  for (let i = 1; i <= 10; i++) {
    o.rt.forms.submit(
      o.registration,
      {
        email: `late${i}@example.org`,
        at: first + i * 3600_000,
        answers: registrationAnswers(o, i),
      },
      { drop: true },
    );
  }
  return o;
}

function applicationAnswers(
  o: Office,
  member: number,
  i: number,
): Record<string, string | string[]> {
  const t = (key: string) => titles(o, 'application')[key];
  return {
    [t('applicantId')]: `BN-${String(member).padStart(5, '0')}`,
    [t('applicantName')]: `Member ${member}`,
    [t('supportDate')]: '2023-07-15',
    [t('startTime')]: '10:00',
    [t('endTime')]: i % 3 === 0 ? '12:30' : '11:30',
    [t('recipientName')]: `Person ${i}`,
    [t('recipientBirthYear')]: '',
    [t('secondId')]: '',
    [t('issues')]: ['労働 / Labor'],
    [t('prefecture')]: '東京都',
    [t('description')]: '入管への同行 / went with them to immigration',
  };
}

function registrationAnswers(o: Office, i: number): Record<string, string | string[]> {
  const t = (key: string) => titles(o, 'registration')[key];
  return {
    [t('name')]: `Late ${i}`,
    [t('phone')]: '090-1234-5678',
    [t('address')]: '東京都台東区1-2-3',
    [t('experience')]: 'あり / Yes',
    [t('emailLanguage')]: '日本語',
    [t('consent')]: ['同意します / I agree'],
  };
}

import { APPLICATION_TITLES, REGISTRATION_TITLES } from '../../local/world';

function titles(_o: Office, form: 'application' | 'registration'): Record<string, string> {
  return form === 'application' ? APPLICATION_TITLES : REGISTRATION_TITLES;
}

/** What must not be lost: rows, mail and log lines, without the times of day they were made. */
function outcome(o: Office) {
  const apps = o
    .rows('Applications')
    .map((a) =>
      [a['Response ID'], a.Status, a['Reason codes'], a['Fee per supporter'], a.Supporters].join(
        ' ',
      ),
    )
    .sort();
  const members = o.rows('Members').map((m) => `${m['Bansou Net ID']} ${m.Email}`);
  const mail = o.rt.mail.outbox.map((m) => `${m.to.join(',')}|${m.subject}|${m.body}`).sort();
  const housekeeping = /^(SWEEP|SWEEP_FULL|SWEEP_PARTIAL|MAIL_QUEUED|OUTBOX_SENT)$/;
  const log = o
    .rows('Log')
    .filter((l) => !housekeeping.test(String(l.Action)))
    .map((l) => [l.Action, l['Response ID'], l['Bansou Net ID'], l['Status change']].join(' '))
    .sort();
  return { apps, members, mail, log };
}

function property(o: Office, key: string): string | null {
  return uncounted(o, () => o.rt.properties.getScriptProperties().getProperty(key));
}

describe('the full pass on a slow day, with executions killed at 6 minutes', () => {
  test('every run stays inside 6 minutes and makes progress; mail that does not fit waits in the Outbox; nothing is lost', () => {
    const reference = build();
    reference.rt.run('processMissedResponses');
    const expected = outcome(reference);
    expect(expected.apps).toHaveLength(HISTORY + HISTORY / 10);
    expect(expected.members).toHaveLength(50);

    const o = build();
    o.rt.setLatency(callCost(SLOW_DAY));
    const runs: { ms: number; rows: number; resume: string | null; message: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const started = o.rt.now();
      const message = String(o.rt.run('processMissedResponses'));
      runs.push({
        ms: o.rt.now() - started,
        rows: o.rows('Applications').length + o.rows('Members').length,
        resume: property(o, 'sweep.resume.application'),
        message,
      });
      if (!message.includes('run it again')) break;
    }
    // More than one run was needed, none was killed, each stayed inside 6 minutes, and each
    // unfinished run moved its position on.
    expect(runs.length).toBeGreaterThan(1);
    expect(failedExecutions(o)).toEqual([]);
    for (const run of runs) expect(run.ms).toBeLessThan(360_000);
    for (let i = 1; i < runs.length; i++) {
      const moved =
        runs[i].rows > runs[i - 1].rows ||
        Number(runs[i].resume ?? Infinity) > Number(runs[i - 1].resume ?? 0);
      expect(moved).toBe(true);
    }
    // Mail the first run could not send in time was queued in the Outbox, not dropped.
    const queued = o.rows('Outbox').filter((m) => m.Status === 'QUEUED').length;
    expect(queued).toBeGreaterThan(0);
    o.rt.setLatency(null);
    o.rt.run('sendQueuedEmails');
    expect(o.rows('Outbox').filter((m) => m.Status === 'QUEUED')).toHaveLength(0);

    const got = outcome(o);
    expect(got.apps).toEqual(expected.apps);
    expect(got.members).toEqual(expected.members);
    expect(got.mail).toEqual(expected.mail);
    expect(got.log).toEqual(expected.log);
  });
});
