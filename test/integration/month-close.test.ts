// The month-close through the built bundle (RULES R30–R31): payment notices after the monthly
// run, exactly once per supporter per settled month, and the Zengin transfer file from the menu.
import { Buffer } from 'node:buffer';
import {
  BANK_SETTINGS,
  documentsReceived,
  monthlyAndSweepOff,
  type Office,
  office,
  sheetValues,
  staffAppends,
  tokyo,
  uncounted,
} from './helpers';

function world(settings: Record<string, string> = {}): Office {
  const o = office({ settings });
  o.register({ email: 'a@example.org', name: 'Aiko' }); // BN-00001, 日本語
  o.register({ email: 'b@example.org', name: 'Ben', language: 'English' }); // BN-00002
  o.register({ email: 'c@example.org', name: 'Carl', language: 'English' }); // BN-00003
  for (const id of ['BN-00001', 'BN-00002', 'BN-00003']) {
    documentsReceived(o, id, '2023', '2023/07/01');
  }
  return o;
}

const isNotice = (subject: string) =>
  subject.includes('謝金のお支払いのお知らせ') || subject.includes('your fees for');

function notices(o: Office) {
  return o.rt.mail.outbox.filter((m) => isNotice(m.subject));
}

/** July 2023: Aiko with Ben as second supporter (90 min), Ben alone (150 min), Carl (90 min). */
function july(o: Office): void {
  o.at('2023-07-20T10:00:00');
  o.apply({ email: 'a@example.org', date: '2023-07-18', second: 'BN-00002' });
  o.apply({
    email: 'b@example.org',
    id: 'BN-00002',
    date: '2023-07-19',
    start: '10:00',
    end: '12:30',
    recipient: 'Other',
  });
  o.apply({ email: 'c@example.org', id: 'BN-00003', date: '2023-07-19', recipient: 'Third' });
  o.at('2023-08-02T09:00:00'); // the monthly trigger fired on 08-01 at 06:00
}

describe('payment notices (R30)', () => {
  test('after the run, one notice per supporter paid, in their language, with cases, total and transfer day', () => {
    const o = world();
    july(o);
    const sent = notices(o);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([
      'a@example.org',
      'b@example.org',
      'c@example.org',
    ]);
    const aiko = sent.find((m) => m.to[0] === 'a@example.org')!;
    expect(aiko.subject).toBe('【伴走ネット】謝金のお支払いのお知らせ（2023年7月分）');
    expect(aiko.body).toContain('・提出日 2023年7月20日／支援日 2023年7月18日／4,000円');
    expect(aiko.body).toContain('合計: 4,000円');
    expect(aiko.body).toContain('お振込予定日: 2023年8月25日ごろ'); // transferDay 25, a Friday
    const ben = sent.find((m) => m.to[0] === 'b@example.org')!;
    expect(ben.subject).toBe('Bansou Net: your fees for July 2023 are being paid');
    expect(ben.body).toContain('Support paid (2)');
    expect(ben.body).toContain('- submitted 20 July 2023, support on 18 July 2023: ¥4,000');
    expect(ben.body).toContain('- submitted 20 July 2023, support on 19 July 2023: ¥8,000');
    expect(ben.body).toContain('Total: ¥12,000');
    expect(
      o.rows('Payment notices').map((r) => [r['Payments sheet'], r['Bansou Net ID'], r.Amount]),
    ).toEqual([
      ['2023-07', 'BN-00001', 4000],
      ['2023-07', 'BN-00002', 12000],
      ['2023-07', 'BN-00003', 4000],
    ]);
  });

  test('running the month again, from the trigger or the menu, sends no notice again', () => {
    const o = world();
    july(o);
    expect(notices(o)).toHaveLength(3);
    o.rt.run('runMonthlyPayments');
    o.rt.run('generatePayments', '2023-07');
    o.at('2023-09-02T09:00:00'); // September's run: nothing new paid
    expect(notices(o)).toHaveLength(3);
    expect(o.rows('Payment notices')).toHaveLength(3);
  });

  test('a month settled from scratch again (staff cleared its ledger lines and run) notifies nobody twice', () => {
    const o = world();
    july(o);
    expect(notices(o)).toHaveLength(3);
    uncounted(o, () => {
      const ledger = o.ss.getSheetByName('Ledger')!;
      ledger.deleteRows(2, ledger.getLastRow() - 1);
      const runs = o.ss.getSheetByName('Payment runs')!;
      runs.deleteRows(2, runs.getLastRow() - 1);
    });
    o.rt.run('runMonthlyPayments');
    o.at('2023-08-02T11:00:00'); // the Outbox has been emptied since
    expect(o.rows('Ledger')).toHaveLength(4); // July paid again into the ledger…
    expect(notices(o)).toHaveLength(3); // …but the Payment notices sheet says who was told
    expect(o.rows('Outbox').filter((r) => r.Kind === 'notice')).toHaveLength(3);
  });

  test('a catch-up run of three months sends one notice per month', () => {
    const o = world();
    // The monthly trigger and the hourly sweep were switched off until staff restored them.
    const switchOn = monthlyAndSweepOff(o);
    for (const month of ['07', '08', '09']) {
      o.rt.advanceTo(tokyo(`2023-${month}-20T10:00:00`));
      o.apply({ email: 'a@example.org', date: `2023-${month}-19`, recipient: `P${month}` });
    }
    o.at('2023-10-15T10:00:00');
    expect(notices(o)).toHaveLength(0);
    switchOn();
    o.rt.run('runMonthlyPayments');
    // The notices wait in the Outbox (the monthly run stays short); the summaries went at once.
    expect(notices(o)).toHaveLength(0);
    expect(
      o.rows('Outbox').filter((r) => r.Kind === 'notice' && r.Status === 'QUEUED'),
    ).toHaveLength(3);
    expect(o.rt.mail.outbox.filter((m) => m.to[0] === o.staffEmail)).not.toHaveLength(0);
    o.at('2023-10-15T12:00:00'); // the hourly sendQueuedEmails
    expect(notices(o).map((m) => m.subject)).toEqual([
      '【伴走ネット】謝金のお支払いのお知らせ（2023年7月分）',
      '【伴走ネット】謝金のお支払いのお知らせ（2023年8月分）',
      '【伴走ネット】謝金のお支払いのお知らせ（2023年9月分）',
    ]);
  });

  test('sending a long Outbox stops after 4½ minutes and the next run goes on: each message once', () => {
    const o = office();
    o.explains.push(/^Log MAIL_QUEUED 2_R\w+: registration: Service unavailable: Gmail$/);
    // Mail is down while 80 people register: their replies wait in the Outbox.
    o.rt.ctx.faults.push((service, method) => {
      if (service === 'Mail' && method === 'sendEmail' && o.rt.ctx.execution?.kind === 'trigger')
        if (o.rt.ctx.execution.functionName === 'onRegistrationSubmit')
          throw new Error('Service unavailable: Gmail');
    });
    for (let i = 0; i < 80; i++) o.register({ email: `p${i}@example.org`, name: `P${i}` });
    expect(o.rows('Outbox').filter((r) => r.Status === 'QUEUED')).toHaveLength(80);
    // Google is slow today: every message takes 5 s of the execution's time.
    o.rt.ctx.faults.push((service, method) => {
      if (service === 'Mail' && method === 'sendEmail') o.rt.ctx.clock.advance(5000);
    });
    o.rt.run('sendQueuedEmails');
    const first = o.rt.mail.outbox.length;
    expect(first).toBeGreaterThanOrEqual(54); // 270 s / 5 s
    expect(first).toBeLessThan(80);
    o.rt.run('sendQueuedEmails');
    expect(o.rt.mail.outbox).toHaveLength(80);
    expect(new Set(o.rt.mail.outbox.map((m) => m.to[0])).size).toBe(80);
    expect(o.rows('Outbox').every((r) => r.Status === 'SENT')).toBe(true);
  });

  test('the notice lists the supporter’s applications still on hold and what is missing', () => {
    const o = world();
    o.at('2024-04-10T10:00:00');
    o.apply({ email: 'a@example.org', date: '2024-03-28', recipient: 'March' }); // FY2023: documents in
    o.apply({ email: 'a@example.org', date: '2024-04-05', recipient: 'April' }); // FY2024: none yet
    o.at('2024-05-02T09:00:00');
    const [aiko] = notices(o).filter((m) => m.subject.includes('2024年4月分'));
    expect(aiko.body).toContain('・提出日 2024年4月10日／支援日 2024年3月28日／4,000円');
    expect(aiko.body).toContain('■ 書類が届くまでお支払いを保留している申請');
    expect(aiko.body).toMatch(
      /・支援日 2024年4月5日（受付番号 .+）: 2024年度の覚書と謝金受取口座届出書が届いていません/,
    );
  });
});

function downloadedFile(o: Office): { html: string; bytes: Buffer } {
  const dialog = o.rt.sheets.ui.htmlDialogs.at(-1)!;
  const m = /href="data:text\/plain;base64,([A-Za-z0-9+/=]*)"/.exec(dialog.html);
  return { html: dialog.html, bytes: Buffer.from(m ? m[1] : '', 'base64') };
}

const sp = (n: number) => ' '.repeat(n);

describe('bank transfer file (R31)', () => {
  function withAccounts(): Office {
    const o = world(BANK_SETTINGS);
    july(o);
    // Aiko's account typed in full width and hiragana; Ben's bank code is 3 digits; Carl has none.
    staffAppends(o, 'Accounts', {
      'Bansou Net ID': 'bn-00001',
      'Bank code': '０００１',
      'Branch code': '００２',
      'Account type': '普通',
      'Account number': '７６５４３２',
      'Account holder (kana)': 'やまだ　あいこ',
    });
    staffAppends(o, 'Accounts', {
      'Bansou Net ID': 'BN-00002',
      'Bank code': '009',
      'Branch code': '001',
      'Account type': '当座',
      'Account number': '1111111',
      'Account holder (kana)': 'ベン スミス',
    });
    return o;
  }

  test('from the menu: a dialog with the file to download, the count, the total and who was left out', () => {
    const o = withAccounts();
    o.rt.open();
    const menu = o.rt.sheets.ui.menus[0].items;
    expect(menu).toContainEqual({
      caption: 'Bank transfer file…  振込データ…',
      functionName: 'bankTransferFile',
    });
    o.rt.sheets.ui.queueAnswer({ button: 'OK', text: '2023-07' });
    o.rt.run('bankTransferFile');
    const dialog = o.rt.sheets.ui.htmlDialogs.at(-1)!;
    expect(dialog.title).toBe('振込データ / Bank transfer file 2023-07');
    const { html, bytes } = downloadedFile(o);
    expect(html).toContain('download="zengin-2023-07.txt"');
    expect(html).toContain('<span id="count">1</span>');
    expect(html).toContain('<span id="total">¥4,000</span>');
    expect(html).toContain('<span id="transfer-day">2023-08-25</span>');
    expect(html).toContain(
      'Accounts row 3, Bank code: is not 4 digits; expected exactly 4 digits (leading zeros included).',
    );
    expect(html).toContain('<td>BN-00002</td><td>¥12,000</td>');
    expect(html).toContain(
      '<td>BN-00003</td><td>¥4,000</td><td>口座シートに口座がありません<br>no account in the Accounts sheet</td>',
    );

    // The file, byte for byte (records written by hand from the 全銀協 総合振込 layout).
    const header = `1210${'1234567890'}ﾊﾞﾝｿｳﾈﾂﾄ${sp(32)}0825${'0005'}${sp(15)}123${sp(15)}11234567${sp(17)}`;
    const data = `20001${sp(15)}002${sp(15)}000010765432ﾔﾏﾀﾞ ｱｲｺ${sp(22)}0000004000${'0'}00000000010000000000${'7'} ${sp(7)}`;
    const trailer = `8000001000000004000${sp(101)}`;
    const end = `9${sp(119)}`;
    const expected = [header, data, trailer, end].map((r) => {
      expect(r).toHaveLength(120);
      return r;
    });
    // Shift_JIS by hand: ASCII as itself, half-width katakana U+FF61.. as 0xA1..
    const sjis = (s: string) =>
      [...s].map((c) =>
        c.charCodeAt(0) >= 0xff61 ? c.charCodeAt(0) - 0xff61 + 0xa1 : c.charCodeAt(0),
      );
    expect([...bytes]).toEqual(expected.flatMap((r) => [...sjis(r), 0x0d, 0x0a]));
  });

  test('account data never reaches the Log, the console, alerts or any email', () => {
    const o = withAccounts();
    o.rt.run('bankTransferFile', '2023-07');
    o.rt.run('healthReport');
    o.at('2023-09-02T09:00:00');
    const secrets = ['765432', 'ﾔﾏﾀﾞ', 'ヤマダ', 'やまだ', '1111111', 'ｽﾐｽ', 'スミス'];
    const texts = [
      ...sheetValues(o, 'Log').flat().map(String),
      ...o.rt.logs.lines.map((l) => l.message),
      ...o.rt.mail.outbox.flatMap((m) => [m.subject, m.body, m.htmlBody ?? '']),
      ...sheetValues(o, 'Outbox').flat().map(String),
      ...o.rt.sheets.ui.dialogs.map((d) => d.prompt),
    ];
    for (const secret of secrets) {
      expect(texts.filter((t) => t.includes(secret))).toEqual([]);
    }
    // The Log names the month, the counts and the IDs left out.
    expect(sheetValues(o, 'Log').flat().map(String)).toContainEqual(
      '2023-07: 1 transfers, 4000 yen, transfer day 2023-08-25; left out: BN-00002 BN-00003',
    );
  });

  test('a month not settled yet, or Settings without the bank codes: the dialog says what to do', () => {
    const o = withAccounts();
    o.rt.run('bankTransferFile', '2023-08');
    expect(downloadedFile(o).html).toContain('2023-08 is not settled yet');
    expect(downloadedFile(o).bytes).toHaveLength(0);
    const bare = world();
    july(bare);
    bare.rt.run('bankTransferFile', '2023-07');
    expect(downloadedFile(bare).html).toContain(
      'Fill in these Settings rows first (the bank&#39;s codes and the office&#39;s own account): consignorCode, consignorName, officeBankCode, officeBranchCode, officeAccountType, officeAccountNumber.',
    );
  });

  test('set-up creates the Accounts sheet with plain-text code columns, protected with a warning', () => {
    const o = world();
    const sheet = o.ss.getSheetByName('Accounts')!;
    const protections = sheet.getProtections(o.rt.sheets.ProtectionType.SHEET);
    expect(protections).toHaveLength(1);
    expect(protections[0].isWarningOnly()).toBe(true);
    expect(sheet.getRange(2, 2).getNumberFormat()).toBe('@');
    expect(sheet.getRange(2, 5).getNumberFormat()).toBe('@');
  });
});
