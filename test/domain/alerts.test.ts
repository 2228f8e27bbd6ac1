// The staff alerts (R27: forms, questions, triggers and response IDs only), in both languages.
import { ALERTS } from '../../src/domain/alerts';

describe('staff alerts', () => {
  test('a question missing from the registration form: registrations go on', () => {
    const a = ALERTS.missingQuestion('registration', '電話番号 / Phone', '2_R1');
    expect(a.title).toEqual({
      ja: '登録フォームに設問がありません',
      en: 'A question is missing from the registration form',
    });
    expect(a.message.en).toBe(
      'The registration form has no question titled "電話番号 / Phone". Registrations go on without it; rename the question back or change the field map in Settings. (response 2_R1)',
    );
    expect(a.message.ja).toBe(
      '登録フォームに「電話番号 / Phone」という設問がありません。登録はこの設問なしで続けています。設問名を元に戻すか、設定シートのフィールド対応を変更してください。（回答 2_R1）',
    );
  });

  test('a question missing from the application form: applications go to review', () => {
    const a = ALERTS.missingQuestion('application', '支援日', '2_R2');
    expect(a.title).toEqual({
      ja: '申請フォームに設問がありません',
      en: 'A question is missing from the application form',
    });
    expect(a.message.en).toBe(
      'The application form has no question titled "支援日". Affected applications are put under review; rename the question back or change the field map in Settings. (response 2_R2)',
    );
    expect(a.message.ja).toBe(
      '申請フォームに「支援日」という設問がありません。該当する申請は「確認中」になります。設問名を元に戻すか、設定シートのフィールド対応を変更してください。（回答 2_R2）',
    );
  });

  test('the registration form does not collect email', () => {
    const a = ALERTS.registrationNoEmail();
    expect(a.title.en).toBe('The registration form does not collect email addresses');
    expect(a.title.ja).toBe('登録フォームがメールアドレスを収集していません');
    expect(a.message.en).toContain('"Collect email addresses: Verified"');
    expect(a.message.ja).toContain('「メールアドレスを収集する：確認済み」');
  });

  test('a form the sweep cannot open: the problem in both languages', () => {
    const a = ALERTS.formUnavailable('Registration form: could not be opened');
    expect(a.title).toEqual({
      ja: '定期処理がフォームを開けませんでした',
      en: 'The sweep could not open a form',
    });
    expect(a.message).toEqual({
      ja: 'Registration form: could not be opened',
      en: 'Registration form: could not be opened',
    });
  });

  test('a missing trigger names its handler', () => {
    const a = ALERTS.triggerMissing('sweep');
    expect(a.title).toEqual({
      ja: 'トリガー sweep がありません',
      en: 'The trigger for sweep is missing',
    });
    expect(a.message.en).toBe(
      'The sweep trigger is not installed (deleted, or disabled by Google after failures). Open the spreadsheet and run 伴走ネット / Bansou Net → Set up / check to restore it.',
    );
    expect(a.message.ja).toContain('トリガー sweep が設定されていません');
  });

  test('the outbox over the quota, and stuck', () => {
    const over = ALERTS.outboxOverQuota(7);
    expect(over.title.en).toBe('Emails are waiting for tomorrow’s quota');
    expect(over.title.ja).toBe('送信待ちのメールが本日の上限を超えています');
    expect(over.message.en).toBe(
      '7 emails are queued, more than today’s email quota can send. They go out in order as the quota allows.',
    );
    expect(over.message.ja).toContain('送信待ちのメールが7通あり');
    const stuck = ALERTS.outboxStuck();
    expect(stuck.title).toEqual({
      ja: '送信待ちのメールが送られていません',
      en: 'Queued emails are not moving',
    });
    expect(stuck.message.en).toBe(
      'The oldest queued email has waited more than two days. Check the Outbox sheet and the sendQueuedEmails trigger.',
    );
    expect(stuck.message.ja).toContain('2日以上');
  });
});
