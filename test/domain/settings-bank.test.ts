// R30–R31 settings: the transfer day and the office's bank details. Optional (empty: the transfer
// file says what is missing); checked when filled; errors never repeat a bank value.
import { DEMO_PLACEHOLDERS } from '../../local/settings-rows';
import { formatSettingErrors, parseSettings, SETTINGS_SPEC } from '../../src/domain/settings';

const base = { ...DEMO_PLACEHOLDERS } as Record<string, unknown>;

function parsed(rows: Record<string, unknown>) {
  return parseSettings({ ...base, ...rows });
}

describe('bank settings', () => {
  test('defaults: transfer day 25, bank details empty', () => {
    const r = parsed({});
    expect('settings' in r && r.settings).toMatchObject({
      transferDay: 25,
      consignorCode: '',
      consignorName: '',
      officeBankCode: '',
      officeBranchCode: '',
      officeAccountType: '',
      officeAccountNumber: '',
    });
  });

  test('filled in full width or as numbers: padded and converted', () => {
    const r = parsed({
      consignorCode: '１２３４５',
      consignorName: 'とくていひえいりかつどうほうじん　ばんそうねっと',
      officeBankCode: 5, // a number cell: Sheets dropped the zeros of 0005
      officeBranchCode: '０１２',
      officeAccountType: '当座',
      officeAccountNumber: '98765',
    });
    expect('settings' in r && r.settings).toMatchObject({
      consignorCode: '0000012345',
      consignorName: 'ﾄｸﾃｲﾋｴｲﾘｶﾂﾄﾞｳﾎｳｼﾞﾝ ﾊﾞﾝｿｳﾈﾂﾄ',
      officeBankCode: '0005',
      officeBranchCode: '012',
      officeAccountType: '2',
      officeAccountNumber: '0098765',
    });
  });

  test('wrong values are named by row, without repeating the value', () => {
    const r = parsed({
      officeBankCode: '123',
      officeAccountNumber: '12345678',
      officeAccountType: '貯蓄',
      consignorName: '伴走ネット',
      transferDay: '32',
    });
    expect('errors' in r).toBe(true);
    if (!('errors' in r)) return;
    const en = formatSettingErrors(r.errors, 'en');
    expect(en).toContain(
      'Settings row "Office account: bank code (officeBankCode)": the value is not 4 digits; expected 4 digits.',
    );
    expect(en).toContain(
      'Settings row "Office account: number (officeAccountNumber)": the value is not 1–7 digits; expected 1–7 digits.',
    );
    expect(en).toContain('(officeAccountType)": the value is not an account type');
    expect(en).toContain('(consignorName)": the value contains characters');
    expect(en).toContain('(transferDay)": "32"');
    for (const secret of ['12345678', '伴走ネット', '貯蓄']) expect(en).not.toContain(secret);
  });

  test('every new key is in the catalogue (so set-up writes its row and the guide lists it)', () => {
    const keys = SETTINGS_SPEC.map((s) => s.key);
    for (const k of [
      'transferDay',
      'consignorCode',
      'consignorName',
      'officeBankCode',
      'officeBranchCode',
      'officeAccountType',
      'officeAccountNumber',
    ])
      expect(keys).toContain(k);
  });
});
