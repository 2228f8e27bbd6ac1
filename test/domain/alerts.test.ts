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
      'The registration form has no question titled "電話番号 / Phone" (renamed or deleted in the form). Registrations go on without it. Rename the question back, or put its new title in the field map in Settings. (first response 2_R1)',
    );
    expect(a.message.ja).toBe(
      '登録フォームに「電話番号 / Phone」という設問がありません（フォームで設問名が変えられたか、削除されました）。登録はこの設問なしで続けています。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてください。（最初の回答 2_R1）',
    );
  });

  test('a question missing from the application form: applications go to review', () => {
    const a = ALERTS.missingQuestion('application', '支援日', '2_R2');
    expect(a.title).toEqual({
      ja: '申請フォームに設問がありません',
      en: 'A question is missing from the application form',
    });
    expect(a.message.en).toBe(
      'The application form has no question titled "支援日" (renamed or deleted in the form). This is not the applicants\' doing: applications submitted meanwhile are put under review (MISSING_ANSWER) and their applicants told so. Rename the question back, or put its new title in the field map in Settings; then run "Process missed responses" from the menu: the applications of the meantime are read again, decided, and their applicants told. (first response 2_R2)',
    );
    expect(a.message.ja).toBe(
      '申請フォームに「支援日」という設問がありません（フォームで設問名が変えられたか、削除されました）。申請者の誤りではありません。この間の申請は「確認中」（MISSING_ANSWER）になり、申請者には確認中とお知らせします。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてから、メニューの「未処理の回答を処理」を実行してください。この間の申請を読み直して判定し、申請者に結果を送ります。（最初の回答 2_R2）',
    );
  });

  test('a question the rules need missing from the registration form (the experience): answers recorded as unknown, applications to review, then re-read', () => {
    const a = ALERTS.missingQuestion('registration', '伴走支援の経験', '2_R3', true);
    expect(a.message.en).toBe(
      'The registration form has no question titled "伴走支援の経験" (renamed or deleted in the form). Registrations and their IDs go on, but the answer of everyone registering meanwhile is recorded as unknown, and their applications are put under review. Rename the question back, or put its new title in the field map in Settings; then run "Process missed responses" and "Re-decide all applications" from the menu (the registrations of the meantime are read again and their applications decided again). (first response 2_R3)',
    );
  });

  test('an optional question missing from the application form: applications go on being decided', () => {
    const a = ALERTS.missingQuestion('application', '支援の内容', '2_R4', false);
    expect(a.message.en).toBe(
      'The application form has no question titled "支援の内容" (renamed or deleted in the form). The decision does not need it: applications go on being decided without it. Rename the question back, or put its new title in the field map in Settings. (first response 2_R4)',
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
