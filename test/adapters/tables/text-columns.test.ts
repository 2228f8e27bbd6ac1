// R25: the system sheets' text columns (formatted '@' by set-up, written as plain strings).
import {
  isTextColumn,
  PLAIN_TEXT,
  textColumnKeys,
} from '../../../src/adapters/tables/text-columns';

describe('which columns of the system sheets are plain text (R25)', () => {
  test('answers and IDs are text columns; amounts and other sheets are not', () => {
    expect(PLAIN_TEXT).toBe('@');
    expect(isTextColumn({ name: 'Members' }, 'phone')).toBe(true);
    expect(isTextColumn({ name: 'Ledger' }, 'memberId')).toBe(true);
    expect(isTextColumn({ name: 'Ledger' }, 'amount')).toBe(false);
    expect(isTextColumn({ name: 'Settings' }, 'value')).toBe(false);
  });

  test('the keys of a sheet, and none for a sheet the system does not format', () => {
    expect(textColumnKeys({ name: 'Ledger' })).toEqual([
      'responseId',
      'memberId',
      'settledMonth',
      'applicationMonth',
    ]);
    expect(textColumnKeys({ name: 'Settings' })).toEqual([]);
  });
});
