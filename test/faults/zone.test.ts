// The spreadsheet's own time zone kept (src/domain/sheet-zone.ts): an office that installed an
// older version in a spreadsheet created in Los Angeles (or Sydney), staff having typed the
// sessions, runs set-up of this version, which keeps the zone. The whole scenario (forms,
// sweeps, sessions, monthly runs, notices, transfer files) is compared with the Tokyo run: the
// same sheets (Dates the script wrote as instants, dates staff typed as read in the zone,
// local/faults/compare.ts), the same mail in the same order but one staff alert, the same files.
import { EXPLAINED, mailOutOfOrder, transferDifferences } from '../../local/faults/suite';
import { faultRun, mustBeZero, referenceRun, SAME_MAIL, ZERO } from './helpers';

describe.each([
  ['zoneKept', 'America/Los_Angeles'],
  ['zoneKeptEast', 'Australia/Sydney'],
] as const)('fault injection: the spreadsheet kept in its own zone (%s)', (fault, zone) => {
  test(`set up over an older installation in ${zone}: the zone is kept with a warning; every decision, payment, ledger line, hold, notice, email and bank transfer file is the Tokyo run's`, () => {
    const { run, diffs, failures, mail } = faultRun(fault);
    expect(run.zone).toBe(zone);
    expect(run.setupReport).toContain(
      `WARNING: the spreadsheet's time zone is ${zone}, not Asia/Tokyo`,
    );
    expect(run.setupReport).toContain('already hold data (Sessions)');
    expect(diffs).toEqual([]);
    expect(failures).toEqual([]);
    expect(mail).toEqual(SAME_MAIL);
    // One staff alert about the zone; every other mail as in Tokyo, in the same order.
    expect(run.mail.filter((m) => EXPLAINED[fault].extraMail!.test(m))).toHaveLength(1);
    expect(run.mail.length).toBe(referenceRun().mail.length + 1);
    expect(mailOutOfOrder(referenceRun(), run)).toEqual([]);
    // Files for the three settled months, each with transfers, byte for byte the Tokyo ones.
    expect(run.transfers.map((f) => f.month)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(run.transfers.every((f) => f.text.startsWith('12100000012345'))).toBe(true);
    expect(transferDifferences(referenceRun(), run)).toEqual([]);
    expect(mustBeZero(run)).toEqual(ZERO);
  });
});
