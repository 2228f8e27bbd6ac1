// Order as Google keeps it: within one form, responses replay in row order (the sheet lists them
// in submission order); an edited response keeps its row but shows the time of the edit; the two
// forms interleave by time. And the demo's own export replays to exactly the demo's decisions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../local/cli';
import { type Decisions, readDecisions } from '../../../local/runner/decisions';
import { runEvents } from '../../../local/runner/engine';
import { readTable, tokyoMs } from '../../../local/runner/inputs';
import { planReplay, responseEvents } from '../../../local/runner/replay';

const FIXTURES = join(__dirname, 'fixtures');
const at = (day: number, hour: number) =>
  tokyoMs({ year: 2023, month: 8, day, hour, minute: 0, second: 0 });

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'runner-order-'));
}

async function quietly<T>(action: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await action();
  } finally {
    process.stdout.write = write;
  }
}

describe('a row whose timestamp is later than a row below it is an edited response', () => {
  const row = (n: number, stamp: number) => ({ row: n, stamp, email: `r${n}@x`, answers: {} });
  const shape = (events: ReturnType<typeof responseEvents>['events']) =>
    events.map((e) => [e.kind, e.row, e.at]);

  const sheet = [
    row(1, at(1, 10)),
    row(2, at(1, 13)), // edited: row 3 below was submitted at 11:00
    row(3, at(1, 11)),
    row(4, at(1, 12)),
    row(5, at(1, 14)), // nothing below is earlier: a plain submission
  ];

  test('an application is submitted in its place at the time of the nearest unedited row below, and edited at its own time', () => {
    const { events, edited } = responseEvents('application', sheet);
    expect(edited).toBe(1);
    expect(shape(events)).toEqual([
      ['submit', 1, at(1, 10)],
      ['submit', 2, at(1, 11)],
      ['edit', 2, at(1, 13)],
      ['submit', 3, at(1, 11)],
      ['submit', 4, at(1, 12)],
      ['submit', 5, at(1, 14)],
    ]);
  });

  test('a registration is submitted at the time of the nearest unedited row above (its ID as early as the order allows)', () => {
    const { events } = responseEvents('registration', sheet);
    expect(shape(events).slice(0, 3)).toEqual([
      ['submit', 1, at(1, 10)],
      ['submit', 2, at(1, 10)],
      ['edit', 2, at(1, 13)],
    ]);
  });

  test('an edited first registration row is submitted at the earliest time below it', () => {
    const { events } = responseEvents('registration', [
      row(1, at(3, 9)),
      row(2, at(1, 10)),
      row(3, at(2, 10)),
    ]);
    expect(shape(events)).toEqual([
      ['submit', 1, at(1, 10)],
      ['edit', 1, at(3, 9)],
      ['submit', 2, at(1, 10)],
      ['submit', 3, at(2, 10)],
    ]);
  });
});

describe('replay in row order through the built bundle', () => {
  async function replayWith(registrations: string, applications: string): Promise<Decisions> {
    const dir = tempDir();
    writeFileSync(join(dir, 'registrations.csv'), registrations);
    writeFileSync(join(dir, 'applications.csv'), applications);
    const plan = planReplay({
      registrations: await readTable(join(dir, 'registrations.csv')),
      applications: await readTable(join(dir, 'applications.csv')),
      documents: await readTable(join(FIXTURES, 'documents.csv')),
      courses: await readTable(join(FIXTURES, 'courses.csv')),
    });
    const outcome = runEvents({
      world: {
        registrationForm: plan.registrationForm,
        applicationForm: plan.applicationForm,
        settings: plan.settings,
      },
      events: plan.events,
      until: tokyoMs({ year: 2023, month: 10, day: 2, hour: 12, minute: 0, second: 0 }),
    });
    return readDecisions(outcome);
  }
  const registrations = readFileSync(join(FIXTURES, 'registrations.csv'), 'utf8');
  const applications = readFileSync(join(FIXTURES, 'applications.csv'), 'utf8');

  test('an edited registration keeps the ID of its row, and the application month is that of the first submission (R21)', async () => {
    // Bob (row 3 of the sheet) edited his registration after Carol registered; Dan (sheet row 9)
    // edited his application on 2023-09-02, after the rows below it.
    const regs = registrations.replace('2023/07/06 11:00:00', '2023/07/07 18:00:00');
    const apps = applications.replace('2023/08/10 10:00:00', '2023/09/02 10:00:00');
    expect(regs).not.toBe(registrations);
    expect(apps).not.toBe(applications);
    const d = await replayWith(regs, apps);
    expect(d.members.map((m) => [m.row, m.memberId])).toEqual([
      [1, 'BN-00001'],
      [2, 'BN-00002'], // Bob, although his timestamp is after Carol's
      [3, 'BN-00003'],
      [4, 'BN-00004'],
      [5, 'BN-00001'],
    ]);
    expect(d.applications[7]).toMatchObject({
      row: 8,
      memberId: 'BN-00004',
      status: 'ACCEPTED',
      paymentMonth: '2023-08', // submitted in August (between the rows around it), edited in September
    });
    // Dan's documents arrived in September: paid in the September settlement, carried over.
    expect(d.payments['2023-09']).toContainEqual({ memberId: 'BN-00004', cases: 1, amount: 8000 });
  });
});

describe('the demo’s own export replays to exactly the demo', () => {
  test('npm start -- --demo-export DIR, then a replay of those files, gives the demo’s decisions.json', async () => {
    const dir = tempDir();
    const exported = join(dir, 'export');
    await quietly(() => main(['--demo-size', 'small', '--demo-export', exported]));
    expect(
      await quietly(() => main(['--demo-size', 'small', '--out', join(dir, 'demo'), '--quiet'])),
    ).toBe(0);
    expect(
      await quietly(() =>
        main([
          '--registrations',
          join(exported, 'registrations.csv'),
          '--applications',
          join(exported, 'applications.csv'),
          '--documents',
          join(exported, 'documents.csv'),
          '--courses',
          join(exported, 'courses.csv'),
          '--sessions',
          join(exported, 'sessions.csv'),
          '--signups',
          join(exported, 'signups.csv'),
          '--out',
          join(dir, 'replay'),
          '--quiet',
        ]),
      ),
    ).toBe(0);
    const demo = JSON.parse(readFileSync(join(dir, 'demo', 'decisions.json'), 'utf8'));
    const replay = JSON.parse(readFileSync(join(dir, 'replay', 'decisions.json'), 'utf8'));
    // The small demo has edited applications whose rows the export keeps in place.
    const edited = readFileSync(join(exported, 'applications.csv'), 'utf8')
      .split('\n')
      .slice(1, -1)
      .map((l) => l.slice(0, 19));
    expect(edited.some((t, i) => edited.slice(i + 1).some((below) => below < t))).toBe(true);
    expect(replay).toEqual(demo);
  });
});
