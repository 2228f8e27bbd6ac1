import {
  decisionEmailFor,
  REASON_CODES,
  REASONS,
  type ReasonRow,
  statusForReasons,
} from '../../src/domain/reasons';
import type { ReasonCode } from '../../src/domain/types';

describe('the reason table (RULES §3): one row per code', () => {
  test('lists the codes in RULES order', () => {
    expect(REASON_CODES).toEqual([
      'UNKNOWN_ID',
      'NOT_SELF',
      'NOT_ELIGIBLE',
      'OUT_OF_PERIOD',
      'FUTURE_DATE',
      'LATE',
      'TOO_SHORT',
      'BAD_TIME',
      'CO_UNKNOWN',
      'CO_SAME',
      'CO_NOT_ELIGIBLE',
      'RECIPIENT_LIMIT',
      'DUPLICATE',
      'SAME_CASE',
      'MISSING_ANSWER',
    ]);
  });

  test('a table missing a code does not compile', () => {
    // @ts-expect-error every ReasonCode needs its row
    const incomplete: Record<ReasonCode, ReasonRow> = { UNKNOWN_ID: REASONS.UNKNOWN_ID };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });

  test('R12: a second supporter code alone leaves the application ACCEPTED', () => {
    expect(statusForReasons(['CO_UNKNOWN'])).toBe('ACCEPTED');
    expect(statusForReasons(['CO_SAME', 'CO_NOT_ELIGIBLE'])).toBe('ACCEPTED');
  });

  test('R14b and R15 send the application to staff; any refusing code wins over them', () => {
    expect(statusForReasons(['SAME_CASE'])).toBe('REVIEW');
    expect(statusForReasons(['MISSING_ANSWER', 'CO_SAME'])).toBe('REVIEW');
    expect(statusForReasons(['LATE', 'SAME_CASE'])).toBe('REJECTED');
    expect(statusForReasons(['UNKNOWN_ID'])).toBe('REJECTED');
    expect(statusForReasons([])).toBe('ACCEPTED');
  });

  test('names the rule of each code as RULES.md does', () => {
    expect(REASONS.BAD_TIME.rule).toBe('R11');
    expect(REASONS.CO_NOT_ELIGIBLE.rule).toBe('R12');
    expect(REASONS.SAME_CASE.rule).toBe('R14b');
    expect(REASONS.MISSING_ANSWER.rule).toBe('R15');
  });

  describe('who is told what (R12, R17, R20)', () => {
    const paid = { paid: true, waitsForDocuments: false };
    test('the applicant of a rejected application hears every reason', () => {
      expect(decisionEmailFor({ status: 'REJECTED', reasons: ['LATE', 'CO_SAME'] }, paid)).toEqual({
        key: 'application.rejected',
        reasons: ['LATE', 'CO_SAME'],
      });
    });
    test('a second supporter whose share was refused hears only the codes that refused it, in their own email (application.shareRefused)', () => {
      expect(
        decisionEmailFor(
          { status: 'ACCEPTED', reasons: ['CO_NOT_ELIGIBLE'] },
          { paid: false, waitsForDocuments: false },
        ),
      ).toEqual({ key: 'application.shareRefused', reasons: ['CO_NOT_ELIGIBLE'] });
    });
    test('an accepted supporter waiting for documents hears "on hold"', () => {
      expect(
        decisionEmailFor(
          { status: 'ACCEPTED', reasons: [] },
          { paid: true, waitsForDocuments: true },
        ),
      ).toEqual({ key: 'application.onHold', reasons: [] });
    });
    test('review and plain acceptance', () => {
      expect(decisionEmailFor({ status: 'REVIEW', reasons: ['SAME_CASE'] }, paid)).toEqual({
        key: 'application.review',
        reasons: ['SAME_CASE'],
      });
      expect(decisionEmailFor({ status: 'ACCEPTED', reasons: ['CO_SAME'] }, paid)).toEqual({
        key: 'application.accepted',
        reasons: ['CO_SAME'],
      });
    });
  });
});
