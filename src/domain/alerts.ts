// The staff alerts, in Japanese and English, in one place. They name forms, questions,
// triggers and response IDs only — never a person's name, email or address (R27).
import type { Localized } from './templates';

export interface StaffAlert {
  title: Localized;
  message: Localized;
}

const both = (ja: string, en: string): Localized => ({ ja, en });

export const ALERTS = {
  /**
   * `review`: the rules need this question (a required application answer, R15; the declared
   * experience, R7), so what is submitted meanwhile goes under review; otherwise it goes on.
   */
  missingQuestion: (
    form: 'registration' | 'application',
    title: string,
    responseId: string,
    review = form === 'application',
  ): StaffAlert =>
    form === 'registration'
      ? {
          title: both(
            '登録フォームに設問がありません',
            'A question is missing from the registration form',
          ),
          message: review
            ? both(
                `登録フォームに「${title}」という設問がありません（フォームで設問名が変えられたか、削除されました）。登録とIDの送付は続けていますが、この間に登録した人の回答は「不明」と記録され、その人の申請は「確認中」になります。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてから、メニューの「未処理の回答を処理」、続けて「全申請を再判定」を実行してください（この間の登録を読み直し、その申請を判定し直します）。（最初の回答 ${responseId}）`,
                `The registration form has no question titled "${title}" (renamed or deleted in the form). Registrations and their IDs go on, but the answer of everyone registering meanwhile is recorded as unknown, and their applications are put under review. Rename the question back, or put its new title in the field map in Settings; then run "Process missed responses" and "Re-decide all applications" from the menu (the registrations of the meantime are read again and their applications decided again). (first response ${responseId})`,
              )
            : both(
                `登録フォームに「${title}」という設問がありません（フォームで設問名が変えられたか、削除されました）。登録はこの設問なしで続けています。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてください。（最初の回答 ${responseId}）`,
                `The registration form has no question titled "${title}" (renamed or deleted in the form). Registrations go on without it. Rename the question back, or put its new title in the field map in Settings. (first response ${responseId})`,
              ),
        }
      : {
          title: both(
            '申請フォームに設問がありません',
            'A question is missing from the application form',
          ),
          message: review
            ? both(
                `申請フォームに「${title}」という設問がありません（フォームで設問名が変えられたか、削除されました）。申請者の誤りではありません。この間の申請は「確認中」（MISSING_ANSWER）になり、申請者には確認中とお知らせします。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてから、メニューの「未処理の回答を処理」を実行してください。この間の申請を読み直して判定し、申請者に結果を送ります。（最初の回答 ${responseId}）`,
                `The application form has no question titled "${title}" (renamed or deleted in the form). This is not the applicants' doing: applications submitted meanwhile are put under review (MISSING_ANSWER) and their applicants told so. Rename the question back, or put its new title in the field map in Settings; then run "Process missed responses" from the menu: the applications of the meantime are read again, decided, and their applicants told. (first response ${responseId})`,
              )
            : both(
                `申請フォームに「${title}」という設問がありません（フォームで設問名が変えられたか、削除されました）。判定には使わない設問なので、申請はこの設問なしで判定を続けています。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてください。（最初の回答 ${responseId}）`,
                `The application form has no question titled "${title}" (renamed or deleted in the form). The decision does not need it: applications go on being decided without it. Rename the question back, or put its new title in the field map in Settings. (first response ${responseId})`,
              ),
        },
  /** A yes/no question whose answer reads as neither (its choices reworded in the form). */
  unreadableYesNo: (title: string, responseId: string, review: boolean): StaffAlert => ({
    title: both(
      '登録フォームの回答を「はい／いいえ」として読めません',
      'A registration answer reads as neither yes nor no',
    ),
    message: both(
      `登録フォームの設問「${title}」の回答が「はい」とも「いいえ」とも読めません（選択肢の文言が変えられたようです）。「いいえ」とは数えず「不明」として記録します${review ? '。その人の申請は「確認中」になります' : ''}。選択肢を「あり / Yes」「なし / No」のように、はい・あり・Yes か いいえ・なし・No を含む文言に直してください。（最初の回答 ${responseId}）`,
      `The answers to the registration question "${title}" read as neither yes nor no (its choices seem to have been reworded). They are not counted as no but recorded as unknown${review ? ', and the applications of these members are put under review' : ''}. Reword the choices so that each holds はい, あり or Yes, or いいえ, なし or No (as in "あり / Yes", "なし / No"). (first response ${responseId})`,
    ),
  }),
  /** The application form does not collect email addresses: R6 cannot be checked. */
  applicationNoEmail: (): StaffAlert => ({
    title: both(
      '申請フォームがメールアドレスを収集していません',
      'The application form does not collect email addresses',
    ),
    message: both(
      '申請フォームがメールアドレスを収集していないため、本人からの申請か（R6）を確かめられず、判定結果も送れません。申請はすべて「確認中」（MISSING_ANSWER）になります。フォームの設定 →「回答」→「メールアドレスを収集する」を「確認済み」に戻してください。',
      'The application form does not collect email addresses, so no application can be checked as sent by its member (R6) and no decision can be emailed: every application is put under review (MISSING_ANSWER). In the form, set Settings → Responses → "Collect email addresses" back to "Verified".',
    ),
  }),
  /** A question of the course form is missing: its completions are kept for staff (CHECK). */
  courseMissingQuestion: (title: string, responseId: string): StaffAlert => ({
    title: both(
      '講座アンケートフォームに設問がありません',
      'A question is missing from the course questionnaire form',
    ),
    message: both(
      `講座アンケートフォームに「${title}」という設問がありません（フォームで設問名が変えられたか、削除されました）。この間の回答はCourseシートに「要確認」として残し、修了には数えません。設問名を元に戻すか、設定シートのフィールド対応を新しい設問名に変えてください。（最初の回答 ${responseId}）`,
      `The course questionnaire form has no question titled "${title}" (renamed or deleted in the form). Responses meanwhile are kept in the Course sheet marked CHECK and count for nothing. Rename the question back, or put its new title in the field map in Settings. (first response ${responseId})`,
    ),
  }),
  /** A course-form answer names no module (its choices reworded in the form). */
  unreadableModule: (title: string, responseId: string): StaffAlert => ({
    title: both('講座アンケートの講座名を読めません', 'A course questionnaire names no module'),
    message: both(
      `講座アンケートの設問「${title}」の回答が、どの講座（Basic 1〜5、Advanced 1〜4）も指していません（選択肢の文言が変えられたようです）。Courseシートに「要確認」として残し、修了には数えません。選択肢に「Basic 1」のような講座名を含めてください。Courseシートの行は、講座名を直すと数えられます。（最初の回答 ${responseId}）`,
      `The answers to the course question "${title}" name no module (Basic 1–5, Advanced 1–4); its choices seem to have been reworded. They are kept in the Course sheet marked CHECK and count for nothing. Put the module name (such as "Basic 1") in each choice; a Course row counts once its module is corrected. (first response ${responseId})`,
    ),
  }),
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
