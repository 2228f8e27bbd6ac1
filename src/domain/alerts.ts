// The staff alerts, in Japanese and English, in one place. They name forms, questions,
// triggers and response IDs only — never a person's name, email or address (R27).
import type { Localized } from './templates';

export interface StaffAlert {
  title: Localized;
  message: Localized;
}

const both = (ja: string, en: string): Localized => ({ ja, en });

export const ALERTS = {
  missingQuestion: (
    form: 'registration' | 'application',
    title: string,
    responseId: string,
  ): StaffAlert =>
    form === 'registration'
      ? {
          title: both(
            '登録フォームに設問がありません',
            'A question is missing from the registration form',
          ),
          message: both(
            `登録フォームに「${title}」という設問がありません。登録はこの設問なしで続けています。設問名を元に戻すか、設定シートのフィールド対応を変更してください。（回答 ${responseId}）`,
            `The registration form has no question titled "${title}". Registrations go on without it; rename the question back or change the field map in Settings. (response ${responseId})`,
          ),
        }
      : {
          title: both(
            '申請フォームに設問がありません',
            'A question is missing from the application form',
          ),
          message: both(
            `申請フォームに「${title}」という設問がありません。該当する申請は「確認中」になります。設問名を元に戻すか、設定シートのフィールド対応を変更してください。（回答 ${responseId}）`,
            `The application form has no question titled "${title}". Affected applications are put under review; rename the question back or change the field map in Settings. (response ${responseId})`,
          ),
        },
  registrationNoEmail: (): StaffAlert => ({
    title: both(
      '登録フォームがメールアドレスを収集していません',
      'The registration form does not collect email addresses',
    ),
    message: both(
      '登録フォームがメールアドレスを収集していないため、IDを送れません。フォームの設定で「メールアドレスを収集する：確認済み」にしてください。',
      'The registration form does not collect email addresses, so no ID can be sent. Turn on "Collect email addresses: Verified" in the form settings.',
    ),
  }),
  formUnavailable: (problem: string): StaffAlert => ({
    title: both('定期処理がフォームを開けませんでした', 'The sweep could not open a form'),
    message: both(problem, problem),
  }),
  triggerMissing: (handler: string): StaffAlert => ({
    title: both(`トリガー ${handler} がありません`, `The trigger for ${handler} is missing`),
    message: both(
      `トリガー ${handler} が設定されていません（削除されたか、失敗が続いたためGoogleが無効にしました）。スプレッドシートで「伴走ネット / Bansou Net」→「セットアップ・確認」を実行してください。`,
      `The ${handler} trigger is not installed (deleted, or disabled by Google after failures). Open the spreadsheet and run 伴走ネット / Bansou Net → Set up / check to restore it.`,
    ),
  }),
  outboxOverQuota: (queued: number): StaffAlert => ({
    title: both(
      '送信待ちのメールが本日の上限を超えています',
      'Emails are waiting for tomorrow’s quota',
    ),
    message: both(
      `送信待ちのメールが${queued}通あり、本日の送信上限を超えています。上限の範囲で順番に送信します。`,
      `${queued} emails are queued, more than today’s email quota can send. They go out in order as the quota allows.`,
    ),
  }),
  monthlyNotFinished: (scheduledAt: string, tries: number): StaffAlert => ({
    title: both('月次の支払い処理が終わっていません', 'The monthly payment run has not finished'),
    message: both(
      `${scheduledAt} に予定していた月次の支払い処理が、その後${tries}回やり直しても終わっていません。「Log」シートの RUNMONTHLYPAYMENTS_FAILED の行で理由を確認し、直してからメニューの「Generate payments for a month…」を実行してください。`,
      `The monthly payment run scheduled for ${scheduledAt} has still not finished after ${tries} more tries. See the RUNMONTHLYPAYMENTS_FAILED lines in the Log for why, fix it, then run "Generate payments for a month…" from the menu.`,
    ),
  }),
  outboxStuck: (): StaffAlert => ({
    title: both('送信待ちのメールが送られていません', 'Queued emails are not moving'),
    message: both(
      'もっとも古い送信待ちメールが2日以上送られていません。「Outbox」シートと sendQueuedEmails トリガーを確認してください。',
      'The oldest queued email has waited more than two days. Check the Outbox sheet and the sendQueuedEmails trigger.',
    ),
  }),
  /** The spreadsheet's time zone is not Tokyo and data exists (domain/sheet-zone.ts). */
  sheetZone: (warning: { en: string; ja: string }): StaffAlert => ({
    title: both(
      'スプレッドシートのタイムゾーンが東京ではありません',
      "The spreadsheet's time zone is not Tokyo",
    ),
    message: both(warning.ja, warning.en),
  }),
};
