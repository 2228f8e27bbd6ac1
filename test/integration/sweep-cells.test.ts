// The hourly sweep reads what its window needs, not the history (issue #15): whether each
// response since shortly before its mark was handled is found by key — one TextFinder search for
// the window's response IDs, then the rows found — so the cells it reads do not grow with the
// Applications table (before: the whole table, 1,485,041 cells at 50,000 applications, every
// hour). A response found missing or edited is processed as a submission is.
import { defaultModel } from '../../local/bench/latency';
import { hourlySweepScenario, type ScenarioResult } from '../../local/bench/scenarios';
import { needsBuiltBundle } from '../built-bundle';
import { failedExecutions, type Office, office, sweep } from './helpers';

const model = defaultModel();

needsBuiltBundle();

function product(r: ScenarioResult): ScenarioResult['product'] {
  expect(r.product.error).toBeUndefined();
  return r.product;
}

describe('the hourly sweep reads by key (issue #15)', () => {
  // The bench's hourly scenario: every response processed but one in 100 long ago, the marks
  // just past the latest response; its window (the two hours before the mark) holds the latest
  // response only, at both sizes.
  test('the hourly sweep reads the same cells with 20 and 400 applications, under 100: the Applications header and the row of its window’s one response, the Outbox header', () => {
    const small = product(hourlySweepScenario(20, 10, 100, model));
    const larger = product(hourlySweepScenario(400, 100, 100, model));
    expect(small.byMethod['Forms.getTimestamp']).toBe(1);
    expect(larger.byMethod['Forms.getTimestamp']).toBe(1);
    expect(larger.cellsRead).toBe(small.cellsRead);
    // Applications: 30 columns, header and one row; the Outbox (its daily check) holds its header.
    expect(small.cellsRead).toBeLessThan(100);
  });

  test('the hourly sweep makes at most 10 Spreadsheet calls, the same with 20 and 400 applications: the spreadsheet, two sheets by name, the Applications header, one TextFinder search (3 calls), the row found, the Outbox, the flush', () => {
    const small = product(hourlySweepScenario(20, 10, 100, model));
    const larger = product(hourlySweepScenario(400, 100, 100, model));
    expect(small.calls.Spreadsheet).toBeLessThanOrEqual(10);
    expect(larger.calls.Spreadsheet).toBe(small.calls.Spreadsheet);
    // One search for the whole window, not one per response.
    expect(small.byMethod['Spreadsheet.findAll']).toBe(1);
  });
});

const A = {
  id: '伴走ネットID / Bansou Net ID',
  name: '氏名 / Name',
  date: '支援日 / Date of support',
  start: '開始時刻 / Start time',
  end: '終了時刻 / End time',
  recipient: '相談者の氏名 / Name of the person supported',
};

/** The outcome the triggers and the sweep must agree on: rows, mail, Log lines. */
function outcome(o: Office) {
  const apps = o
    .rows('Applications')
    .map((a) =>
      [
        a['Response ID'],
        a.Status,
        a['Reason codes'],
        a['Fee per supporter'],
        a.Supporters,
        a['Recipient key'],
      ].join(' '),
    );
  const mail = o.rt.mail.outbox.map((m) => `${m.to.join(',')}|${m.subject}|${m.body}`).sort();
  const log = o
    .rows('Log')
    .filter((l) => !/^(SWEEP|SWEEP_FULL|SWEEP_PARTIAL)$/.test(String(l.Action)))
    .map((l) => [l.Action, l['Response ID'], l['Bansou Net ID'], l['Status change']].join(' '))
    .sort();
  return { apps, mail, log };
}

describe('what the hourly sweep finds missing or edited in its window', () => {
  /**
   * 60 applications processed by their triggers; then, in the last hour, an application and the
   * edit of another whose triggers never fired (drop) or fired (no drop); then the hourly sweep.
   */
  function run(
    drop: boolean,
    before: (o: Office) => void = () => {},
  ): { o: Office; cellsRead: number; calls: number; findAll: number } {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.register({ email: 'b@example.org', name: 'Ben' });
    o.at('2023-07-21T09:00:00');
    for (let i = 0; i < 60; i++)
      o.apply({
        email: i % 2 ? 'b@example.org' : 'a@example.org',
        id: i % 2 ? 'BN-00002' : 'BN-00001',
        recipient: `Person ${i % 20}`,
        date: `2023-07-${10 + (i % 11)}`,
        start: '10:00',
        end: '11:30',
      });
    o.at('2023-07-22T09:00:00');
    const edited = o.apply({
      email: 'b@example.org',
      id: 'BN-00002',
      recipient: 'Person 3',
      date: '2023-07-20',
      start: '13:00',
      end: '14:00',
    });
    // Hourly sweeps have run meanwhile: the marks are past every response so far.
    o.at('2023-07-22T11:30:00');
    // A fourth application for Person 4 (R13: at most 3 per person supported).
    o.apply(
      {
        email: 'a@example.org',
        id: 'BN-00001',
        recipient: 'Person 4',
        date: '2023-07-18',
        start: '10:00',
        end: '11:30',
      },
      { drop },
    );
    // The edit moves the application to another person supported and another time.
    o.rt.forms.editResponse(
      edited,
      {
        answers: {
          [A.id]: 'BN-00002',
          [A.name]: 'Ben',
          [A.date]: '2023-07-19',
          [A.start]: '10:00',
          [A.end]: '11:30',
          [A.recipient]: 'Person 5',
        },
      },
      { drop },
    );
    before(o);
    o.rt.resetCounts();
    sweep(o);
    const counts = o.rt.resetCounts();
    return {
      o,
      cellsRead: counts.cellsRead,
      calls: counts.calls.Spreadsheet,
      findAll: counts.byMethod['Spreadsheet.findAll'] ?? 0,
    };
  }

  test('an application and an edit whose triggers never fired are decided, mailed and logged by the hourly sweep as the triggers would have, reading the rows it finds, not the 62 applications', () => {
    const fired = run(false);
    const dropped = run(true);
    expect(outcome(dropped.o)).toEqual(outcome(fired.o));
    const rows = dropped.o.rows('Applications');
    expect(rows).toHaveLength(62);
    // Person 4 had three applications (i = 4, 24, 44: 07-14, 07-12, 07-10), accepted: the
    // dropped one is the 4th (R13); so is the edit moved to Person 5 (i = 5, 25, 45).
    const last = rows[rows.length - 1];
    expect(last.Status).toBe('REJECTED');
    expect(String(last['Reason codes'])).toContain('RECIPIENT_LIMIT');
    const moved = rows.find(
      (r) => r['Support date'] === '2023-07-19' && r['Recipient key'] === '5 person',
    );
    expect(moved?.Status).toBe('REJECTED');
    expect(String(moved?.['Reason codes'])).toContain('RECIPIENT_LIMIT');
    // The sweep with nothing to do searched once and read no whole table; the one with work
    // searched for its window, then as a submission does (same person supported, members).
    expect(fired.findAll).toBe(1);
    expect(dropped.findAll).toBeGreaterThanOrEqual(2);
    // Nothing to do: the header and the two rows of its window's applications (30 columns),
    // the header and the rows of the two registrations in its window (Members, 20 columns).
    expect(fired.cellsRead).toBeLessThanOrEqual(3 * 30 + 3 * 20);
    // Work to do: the rows of the three people supported, read in blocks as a submission reads
    // them; the Applications sheet whole would be 63 rows × 30 columns = 1,890 cells alone.
    expect(dropped.cellsRead).toBeLessThan(1890);
  });

  test('when Google refuses the TextFinder search, the hourly sweep reads the tables whole and does the same work', () => {
    const fired = run(false);
    const refused = run(true, (o) => {
      o.rt.ctx.faults.push((service, method) => {
        if (
          service === 'Spreadsheet' &&
          method === 'findAll' &&
          o.rt.ctx.execution?.functionName === 'sweep'
        )
          throw new Error('Service Spreadsheets failed while accessing document');
      });
    });
    expect(outcome(refused.o)).toEqual(outcome(fired.o));
    // Whole: at least the 62 Applications rows of 30 columns.
    expect(refused.cellsRead).toBeGreaterThan(62 * 30);
  });
});

describe('the hourly sweep after downtime', () => {
  test('with 150 responses in its window (more than the 100 it checks by key) on a slow day, every run stops taking on work in time, none is killed at 6 minutes, and the runs after finish every application once', () => {
    const o = office();
    o.register({ email: 'a@example.org', name: 'Aiko' });
    o.at('2023-07-20T10:00:00');
    // For 12½ hours the triggers did not fire for 150 applications, five minutes apart, and the
    // sweep did not run either (the clock moves without firing time-driven triggers).
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      o.rt.ctx.clock.advance(5 * 60_000);
      ids.push(
        o.apply(
          { email: 'a@example.org', recipient: `Person ${i}`, start: '10:00', end: '11:00' },
          { drop: true },
        ),
      );
    }
    // Google is slow today: every Forms call of the sweep takes 300 ms of its execution's time.
    o.rt.ctx.faults.push((service) => {
      if (service === 'Forms' && o.rt.ctx.execution?.functionName === 'sweep')
        o.rt.ctx.clock.advance(300);
    });
    /** TextFinder searches of each sweep run. */
    const searches: number[] = [];
    const run = () => {
      o.rt.resetCounts();
      sweep(o);
      searches.push(o.rt.resetCounts().byMethod['Spreadsheet.findAll'] ?? 0);
    };
    run();
    const first = o.rows('Applications').length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(150);
    expect(o.rows('Log').some((l) => l.Action === 'SWEEP_PARTIAL')).toBe(true);
    for (let i = 0; i < 20 && o.rows('Applications').length < 150; i++) run();
    expect(failedExecutions(o)).toEqual([]);
    // The first run read Applications whole (150 in its window) and decided from whole tables;
    // the registration in its window was confirmed by the hourly sweeps before 10:00, so it made
    // no search. The last ones, their windows under 100 responses, searched by key and decided as
    // a submission does (two searches more).
    expect(searches[0]).toBe(0);
    expect(searches[searches.length - 1]).toBe(3);
    const rows = o.rows('Applications');
    expect(rows.map((r) => r['Response ID']).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.Status === 'ACCEPTED')).toBe(true);
  });
});
