// R31: the Zengin 総合振込 file, byte for byte. The expected records are written by hand from
// the public format description 全銀協制定ファイルフォーマット【総合振込】 (as published by banks,
// e.g. https://expydoc.com/doc/11700435 and the Miyazaki Bank's layout help,
// https://www.miyagin.co.jp/kfkdown-zengin-help): 120-byte records, header 1 / data 2 /
// trailer 8 / end 9, numeric fields right-aligned with leading "0", character fields
// left-aligned with trailing spaces, half-width katakana in JIS X 0201 / Shift_JIS single bytes
// (ｱ = 0xB1 … ﾝ = 0xDD, ﾞ = 0xDE, ﾟ = 0xDF), records ended by CR LF.
import {
  buildTransferFile,
  type Consignor,
  dataRecord,
  endRecord,
  fitBankText,
  headerRecord,
  shiftJisBytes,
  toBankKana,
  trailerRecord,
} from '../../src/domain/zengin';

const sp = (n: number) => ' '.repeat(n);

const office: Consignor = {
  code: '1234567890',
  name: 'ﾊﾞﾝｿｳﾈﾂﾄ',
  bankCode: '0005',
  branchCode: '123',
  accountType: '1',
  accountNumber: '1234567',
};

const guen = {
  account: {
    bankCode: '0001',
    branchCode: '001',
    accountType: '1' as const,
    accountNumber: '0012345',
    holder: 'ｸﾞｴﾝ ｳﾞｱﾝ ｱ',
  },
  amount: 12000,
  customerCode: '0000000001',
};

describe('bank kana (half-width katakana for the transfer file)', () => {
  test.each([
    ['がっこう', 'ｶﾞﾂｺｳ'], // voiced kana are two characters; small ッ is written large
    ['パン', 'ﾊﾟﾝ'],
    ['グエン・ヴァン・ア', 'ｸﾞｴﾝ ｳﾞｱﾝ ｱ'], // ・ becomes a space; ヴ → ｳﾞ; ァ → ｱ
    ['ｶﾞｸ', 'ｶﾞｸ'], // half-width input stays as it is
    ['ＡＢＣ　１２３', 'ABC 123'], // full-width letters, digits and space
    ['ルーシー', 'ﾙ-ｼ-'], // the long-vowel mark becomes "-"
    ['smith  john', 'SMITH JOHN'],
    ['やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['カ)バンソウ', 'ｶ)ﾊﾞﾝｿｳ'],
  ])('%s → %s', (input, expected) => {
    expect(toBankKana(input)).toEqual({ text: expected });
  });

  test('kanji, ヲ and other symbols are problems, and the message does not repeat the text', () => {
    for (const input of ['山田 太郎', 'ヲカダ', 'A&B']) {
      const r = toBankKana(input);
      expect('problem' in r).toBe(true);
      if ('problem' in r) {
        expect(r.problem.ja).not.toContain(input);
        expect(r.problem.en).not.toContain(input);
      }
    }
  });
});

describe('Shift_JIS bytes (no TextEncoder in Apps Script)', () => {
  test('ASCII is itself; half-width katakana U+FF61–U+FF9F are 0xA1–0xDF', () => {
    expect(shiftJisBytes('09AZ ()-./')).toEqual([
      0x30, 0x39, 0x41, 0x5a, 0x20, 0x28, 0x29, 0x2d, 0x2e, 0x2f,
    ]);
    expect(shiftJisBytes('｡ｱｶﾞﾝﾟ')).toEqual([0xa1, 0xb1, 0xb6, 0xde, 0xdd, 0xdf]);
  });

  test('a character without a single-byte form throws', () => {
    expect(() => shiftJisBytes('あ')).toThrow(/U\+3042/);
    expect(() => shiftJisBytes('ア')).toThrow();
  });
});

describe('cutting a name to the field width never splits a character', () => {
  test('29 bytes then ｶﾞ (2 bytes) into 30: the pair is dropped whole, not split', () => {
    const name = `${'ｱ'.repeat(29)}ｶﾞ`;
    expect(fitBankText(name, 30)).toEqual({ text: 'ｱ'.repeat(29), cut: true });
  });
  test('28 bytes then ｶﾞ fits exactly', () => {
    const name = `${'ｱ'.repeat(28)}ｶﾞ`;
    expect(fitBankText(name, 30)).toEqual({ text: name, cut: false });
  });
  test('a data record with a long holder name is still 120 bytes, the name field 30 bytes', () => {
    const holder = `${'ｱ'.repeat(29)}ｶﾞｷ`;
    const r = dataRecord({ ...guen, account: { ...guen.account, holder } });
    expect(r).toHaveLength(120);
    expect(r.slice(50, 80)).toBe(`${'ｱ'.repeat(29)} `);
  });
});

describe('records (120 bytes each)', () => {
  test('header: 1, 21 (総合振込), 0 (JIS), consignor code and name, MMDD, office bank/branch/type/account, 17 spaces', () => {
    const expected =
      '1' +
      '21' +
      '0' +
      '1234567890' +
      `ﾊﾞﾝｿｳﾈﾂﾄ${sp(32)}` + // 40 bytes
      '0825' +
      '0005' +
      sp(15) +
      '123' +
      sp(15) +
      '1' +
      '1234567' +
      sp(17);
    expect(expected).toHaveLength(120);
    expect(headerRecord(office, '0825')).toBe(expected);
  });

  test('data: 2, bank, branch, 0000, type, account, holder (30), amount (10), 0, customer codes, 7 (telegraphic)', () => {
    const expected =
      '2' +
      '0001' +
      sp(15) +
      '001' +
      sp(15) +
      '0000' +
      '1' +
      '0012345' +
      `ｸﾞｴﾝ ｳﾞｱﾝ ｱ${sp(19)}` + // 11 + 19 = 30 bytes
      '0000012000' +
      '0' +
      '0000000001' +
      '0000000000' +
      '7' +
      ' ' +
      sp(7);
    expect(expected).toHaveLength(120);
    expect(dataRecord(guen)).toBe(expected);
  });

  test('trailer: 8, count (6), total (12), 101 spaces; end: 9 and 119 spaces', () => {
    expect(trailerRecord(2, 16000)).toBe(`8000002000000016000${sp(101)}`);
    expect(endRecord()).toBe(`9${sp(119)}`);
  });

  test('a field that does not fit throws instead of writing a wrong file', () => {
    expect(() => trailerRecord(1, 10 ** 13)).toThrow(/合計金額/);
    expect(() => headerRecord({ ...office, code: '12345678901' }, '0825')).toThrow(/委託者コード/);
  });
});

describe('the whole file', () => {
  test('header, data, trailer, end, each 120 bytes + CR LF, in Shift_JIS; trailer = the data records', () => {
    const file = buildTransferFile(office, '0825', [guen]);
    expect(file.count).toBe(1);
    expect(file.total).toBe(12000);
    expect(file.bytes).toHaveLength(4 * 122);
    // The header's first 26 bytes, by hand: "1210" "1234567890" ﾊ ﾞ ﾝ ｿ ｳ ﾈ ﾂ ﾄ "  "…
    expect(file.bytes.slice(0, 22)).toEqual([
      0x31, 0x32, 0x31, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0xca,
      0xde, 0xdd, 0xbf, 0xb3, 0xc8, 0xc2, 0xc4,
    ]);
    for (let i = 0; i < 4; i++) {
      expect(file.bytes.slice(i * 122 + 120, i * 122 + 122)).toEqual([0x0d, 0x0a]);
    }
    expect(file.bytes[122]).toBe(0x32); // data record
    // Holder name starts at byte 51 of the data record: ｸ ﾞ ｴ ﾝ space ｳ ﾞ ｱ ﾝ space ｱ
    expect(file.bytes.slice(122 + 50, 122 + 61)).toEqual([
      0xb8, 0xde, 0xb4, 0xdd, 0x20, 0xb3, 0xde, 0xb1, 0xdd, 0x20, 0xb1,
    ]);
    const trailer = String.fromCharCode(...file.bytes.slice(244, 264));
    expect(trailer).toBe('8000001000000012000 ');
    expect(file.bytes[366]).toBe(0x39);
  });

  test('no transfers: header, a trailer of zeros, end', () => {
    const file = buildTransferFile(office, '0825', []);
    expect(file.records).toHaveLength(3);
    expect(file.records[1]).toBe(`8000000000000000000${sp(101)}`);
  });
});

describe('bank kana: voiced marks and the problem texts', () => {
  const voicedProblem = {
    problem: {
      ja: '濁点・半濁点の位置が正しくありません',
      en: 'has a voiced mark (゛ or ゜) that follows no kana that takes it',
    },
  };
  test('a voiced mark after a kana that takes none, or alone, is a problem', () => {
    expect(toBankKana('ア\u3099')).toEqual(voicedProblem); // ア + combining ゛
    expect(toBankKana('カ\u309A')).toEqual(voicedProblem); // カ + combining ゜
    expect(toBankKana('゛ア')).toEqual(voicedProblem);
  });
  test('ヲ and other characters are named in both languages', () => {
    expect(toBankKana('ヲカダ')).toEqual({
      problem: {
        ja: 'に「ヲ」が含まれています。銀行の口座名義では「オ」と書きます',
        en: 'contains ヲ, which bank names write as オ',
      },
    });
    expect(toBankKana('A&B')).toEqual({
      problem: {
        ja: 'に使えない文字（漢字、記号など）が含まれています。通帳のとおりカタカナで入力してください',
        en: 'contains characters a bank transfer cannot carry (kanji, symbols…); write it in katakana as on the passbook',
      },
    });
  });
  test('separators at the ends are dropped; no text gives empty text', () => {
    expect(toBankKana('・ヤマダ・')).toEqual({ text: 'ﾔﾏﾀﾞ' });
    expect(toBankKana(null as unknown as string)).toEqual({ text: '' });
  });
});

describe('Shift_JIS bytes: the edges', () => {
  test('~ (0x7E) and ﾟ (U+FF9F → 0xDF) are the last single bytes of each range', () => {
    expect(shiftJisBytes('~ﾟ｡')).toEqual([0x7e, 0xdf, 0xa1]);
  });
  test('a control character, DEL, é and U+FFA0 have no single byte: the error names the code point', () => {
    expect(() => shiftJisBytes('\t')).toThrow('U+0009 has no single-byte Shift_JIS form');
    expect(() => shiftJisBytes('\u007f')).toThrow('U+007F has no single-byte Shift_JIS form');
    expect(() => shiftJisBytes('é')).toThrow('U+00E9 has no single-byte Shift_JIS form');
    expect(() => shiftJisBytes('\uffa0')).toThrow('U+FFA0 has no single-byte Shift_JIS form');
  });
});

describe('fitting bank text: the edges', () => {
  test('a kana and its ﾟ are one unit too: 29 bytes then ﾊﾟ into 30 drops the pair', () => {
    expect(fitBankText(`${'ｱ'.repeat(29)}ﾊﾟ`, 30)).toEqual({ text: 'ｱ'.repeat(29), cut: true });
  });
  test('a mark with nothing before it is a unit of its own', () => {
    expect(fitBankText('ﾞｱ', 5)).toEqual({ text: 'ﾞｱ', cut: false });
  });
  test('a cut drops only the spaces at the end', () => {
    expect(fitBankText('ｱｱ ｲｲ ｳｳｳ', 7)).toEqual({ text: 'ｱｱ ｲｲ ｳ', cut: true });
    expect(fitBankText('ｱｱ  ｲｲ', 4)).toEqual({ text: 'ｱｱ', cut: true });
  });
});

describe('a field that does not fit names itself', () => {
  const account = guen.account;
  test.each([
    [
      'consignor code',
      () => headerRecord({ ...office, code: '12345678901' }, '0825'),
      '委託者コード / consignor code: expected at most 10 digits',
    ],
    [
      'consignor code with a letter first',
      () => headerRecord({ ...office, code: 'x12' }, '0825'),
      '委託者コード / consignor code: expected at most 10 digits',
    ],
    [
      'consignor code with a letter last',
      () => headerRecord({ ...office, code: '12x' }, '0825'),
      '委託者コード / consignor code: expected at most 10 digits',
    ],
    [
      'transfer date',
      () => headerRecord(office, '08250'),
      '振込指定日 / transfer date: expected at most 4 digits',
    ],
    [
      'office bank',
      () => headerRecord({ ...office, bankCode: '00005' }, '0825'),
      '仕向銀行番号 / bank code: expected at most 4 digits',
    ],
    [
      'office branch',
      () => headerRecord({ ...office, branchCode: '1234' }, '0825'),
      '仕向支店番号 / branch code: expected at most 3 digits',
    ],
    [
      'office type',
      () => headerRecord({ ...office, accountType: '12' as '1' }, '0825'),
      '預金種目 / account type: expected at most 1 digits',
    ],
    [
      'office number',
      () => headerRecord({ ...office, accountNumber: '12345678' }, '0825'),
      '口座番号 / account number: expected at most 7 digits',
    ],
    [
      'payee bank',
      () => dataRecord({ ...guen, account: { ...account, bankCode: '00001' } }),
      '被仕向銀行番号 / bank code: expected at most 4 digits',
    ],
    [
      'payee branch',
      () => dataRecord({ ...guen, account: { ...account, branchCode: '0001' } }),
      '被仕向支店番号 / branch code: expected at most 3 digits',
    ],
    [
      'payee type',
      () => dataRecord({ ...guen, account: { ...account, accountType: '12' as '1' } }),
      '預金種目 / account type: expected at most 1 digits',
    ],
    [
      'payee number',
      () => dataRecord({ ...guen, account: { ...account, accountNumber: '00123456' } }),
      '口座番号 / account number: expected at most 7 digits',
    ],
    [
      'amount',
      () => dataRecord({ ...guen, amount: 12_345_678_901 }),
      '振込金額 / amount: expected at most 10 digits',
    ],
    [
      'customer code',
      () => dataRecord({ ...guen, customerCode: '12345678901' }),
      '顧客コード1 / customer code 1: expected at most 10 digits',
    ],
    ['count', () => trailerRecord(1_000_000, 0), '合計件数 / count: expected at most 6 digits'],
    [
      'total',
      () => trailerRecord(1, 1_000_000_000_000),
      '合計金額 / total: expected at most 12 digits',
    ],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});
