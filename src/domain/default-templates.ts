// The default email texts (Japanese and English), one entry per template key and language: data
// only. Set-up writes them into the Templates sheet, where staff edit them; a key staff delete
// falls back to its text here. The placeholders each key is given are TEMPLATE_VARS
// (templates.ts), and test/domain/templates.test.ts checks these texts against them.
import type { Template, TemplateKey } from './templates';

const JA_FOOTER = '\n■ お問い合わせ\n{{officeContact}}\n';
const EN_FOOTER = '\nContact\n{{officeContact}}\n';

/** A default: one of the system's keys (a misspelt key does not compile), in Japanese or English. */
export interface DefaultTemplate extends Template {
  key: TemplateKey;
  lang: 'ja' | 'en';
}

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    key: 'registration.reply',
    lang: 'ja',
    subject: '【伴走ネット】ご登録ありがとうございます（伴走ネットID: {{memberId}}）',
    body: `{{name}} 様

伴走ネットにご登録いただき、ありがとうございます。
あなたの伴走ネットIDは次のとおりです。

　伴走ネットID: {{memberId}}

伴走支援の申請には、このIDが必要です。このメールを大切に保管してください。

■ これからの流れ
1. 事務局から「覚書」2部と「謝金受取口座届出書」を郵送します。
2. 届いたら、覚書1部に署名・押印し、謝金受取口座届出書に必要事項を記入して、2つを一緒に事務局へ返送してください。
3. 覚書のもう1部は、ご自身で保管してください。
4. 覚書と謝金受取口座届出書は、年度（4月〜翌年3月）ごとに提出が必要です。前の年度に提出した方も、新しい年度にはあらためて提出してください。
謝金は、これらの書類が事務局に届いてからお支払いします。

■ 伴走支援の申請
伴走支援を行ったら、次のフォームから申請してください。申請には期限がありますので、支援のあと早めに申請してください。
{{applicationFormUrl}}
${JA_FOOTER}
※このメールは、登録フォームへの回答にもとづいて自動で送信しています。
`,
  },
  {
    key: 'registration.reply',
    lang: 'en',
    subject: 'Bansou Net: thank you for registering (your ID: {{memberId}})',
    body: `Dear {{name}},

Thank you for registering with Bansou Net.
Your Bansou Net ID is:

    {{memberId}}

You need this ID whenever you apply for accompanying support, so please keep this email.

What happens next
1. The office will mail you two copies of the Memorandum (覚書) and a Notification of Payment Receiving Account (謝金受取口座届出書).
2. When they arrive, sign and stamp one copy of the Memorandum, fill in the Notification, and mail both back to the office.
3. Keep the other copy of the Memorandum for yourself.
4. These documents are needed for each fiscal year (April to March). If you sent them for an earlier fiscal year, please send them again for the new one.
Fees are paid once the office has received these documents.

Applying for accompanying support
After you have provided accompanying support, apply through this form. Applications have a deadline, so please apply soon after the support.
{{applicationFormUrl}}
${EN_FOOTER}
This email was sent automatically in reply to your registration.
`,
  },
  {
    key: 'application.accepted',
    lang: 'ja',
    subject: '【伴走ネット】伴走支援の申請を受理しました（支援日: {{supportDate}}）',
    body: `{{name}} 様

伴走支援の申請を受理しました。ありがとうございます。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
　謝金（支援者1人あたり）: {{fee}}
　お支払い予定: {{paymentMonth}}

・{{reasons}}

謝金は、支援日の年度の覚書と謝金受取口座届出書が事務局に届いていることを確認してからお支払いします。
${JA_FOOTER}`,
  },
  {
    key: 'application.accepted',
    lang: 'en',
    subject: 'Bansou Net: your application has been accepted (support on {{supportDate}})',
    body: `Dear {{name}},

Your application for accompanying support has been accepted. Thank you.

    Reference: {{responseId}}
    Date of support: {{supportDate}}
    Fee per supporter: {{fee}}
    Expected payment: {{paymentMonth}}

- {{reasons}}

The fee is paid once the office has your Memorandum and Notification of Payment Receiving Account for the fiscal year of the support.
${EN_FOOTER}`,
  },
  {
    key: 'application.onHold',
    lang: 'ja',
    subject: '【伴走ネット】申請を受理しました（書類の提出をお待ちしています）',
    body: `{{name}} 様

伴走支援の申請を受理しました。ありがとうございます。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
　謝金（支援者1人あたり）: {{fee}}

ただし、{{fiscalYear}}の次の書類がまだ事務局に届いていないため、謝金のお支払いを保留しています。
・{{documents}}

書類が届いた後の最初の月次の支払いで、お支払いします。書類がお手元にない場合や、すでに送った場合は、事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'application.onHold',
    lang: 'en',
    subject: 'Bansou Net: application accepted (we are waiting for your documents)',
    body: `Dear {{name}},

Your application for accompanying support has been accepted. Thank you.

    Reference: {{responseId}}
    Date of support: {{supportDate}}
    Fee per supporter: {{fee}}

However, the office has not yet received the following documents for {{fiscalYear}}, so the payment is on hold:
- {{documents}}

The fee will be paid in the first monthly payment after the documents arrive. If you do not have the documents, or you have already sent them, please contact the office.
${EN_FOOTER}`,
  },
  {
    key: 'application.rejected',
    lang: 'ja',
    subject: '【伴走ネット】伴走支援の申請について（受理できませんでした）',
    body: `{{name}} 様

伴走支援の申請をいただき、ありがとうございました。
申し訳ありませんが、この申請は次の理由により受理できませんでした。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
　申請日: {{submittedOn}}

・{{reasons}}
　{{facts}}

内容に誤りがあると思われる場合は、事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'application.rejected',
    lang: 'en',
    subject: 'Bansou Net: your application could not be accepted',
    body: `Dear {{name}},

Thank you for your application for accompanying support.
We are sorry, but it could not be accepted for the following reasons:

    Reference: {{responseId}}
    Date of support: {{supportDate}}
    Submitted on: {{submittedOn}}

- {{reasons}}
  {{facts}}

If you think something is wrong, please contact the office.
${EN_FOOTER}`,
  },
  {
    key: 'application.review',
    lang: 'ja',
    subject: '【伴走ネット】伴走支援の申請を受け付けました（事務局で確認中）',
    body: `{{name}} 様

伴走支援の申請を受け付けました。ありがとうございます。
この申請は、事務局で内容を確認しています。確認が終わりしだい、あらためてご連絡します。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
　申請日: {{submittedOn}}

・{{reasons}}
　{{facts}}
${JA_FOOTER}`,
  },
  {
    key: 'application.review',
    lang: 'en',
    subject: 'Bansou Net: your application is being reviewed by the office',
    body: `Dear {{name}},

We have received your application for accompanying support. Thank you.
The office is checking it and will write to you again when the check is finished.

    Reference: {{responseId}}
    Date of support: {{supportDate}}
    Submitted on: {{submittedOn}}

- {{reasons}}
  {{facts}}
${EN_FOOTER}`,
  },
  {
    key: 'application.shareRefused',
    lang: 'ja',
    subject: '【伴走ネット】申請の同行支援者としての謝金について（受付番号: {{responseId}}）',
    body: `{{name}} 様

{{applicantId}} さんの伴走支援の申請に、同行した支援者としてあなたの伴走ネットIDが書かれていました。
申し訳ありませんが、あなたの分の謝金は、次の理由により受理できませんでした。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
　申請日: {{submittedOn}}

・{{reasons}}
　{{facts}}

{{applicantId}} さんの申請は受理されており、このことで変わることはありません。
内容に誤りがあると思われる場合は、事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'application.shareRefused',
    lang: 'en',
    subject:
      'Bansou Net: your share as second supporter on an application (reference {{responseId}})',
    body: `Dear {{name}},

Your Bansou Net ID was given as the second supporter on an application by {{applicantId}}.
We are sorry, but your share was not accepted, because:

    Reference: {{responseId}}
    Date of support: {{supportDate}}
    Submitted on: {{submittedOn}}

- {{reasons}}
  {{facts}}

The application of {{applicantId}} stands: it is accepted, and this does not change it.
If you think something is wrong, please contact the office.
${EN_FOOTER}`,
  },
  {
    key: 'application.paidEdited',
    lang: 'ja',
    subject: '【伴走ネット】申請内容の変更を受け付けました（受付番号: {{responseId}}）',
    body: `{{name}} 様

支払い手続きが済んだ申請について、回答の変更を受け付けました。
この申請の謝金のお支払いはそのまま有効です。変更された内容は事務局が確認し、必要な場合はご連絡します。

　受付番号: {{responseId}}
　支援日: {{supportDate}}
${JA_FOOTER}`,
  },
  {
    key: 'application.paidEdited',
    lang: 'en',
    subject: 'Bansou Net: we received your change (reference {{responseId}})',
    body: `Dear {{name}},

You changed your answers to an application whose payment has already been processed.
The payment stands. The office will review the change and contact you if anything is needed.

    Reference: {{responseId}}
    Date of support: {{supportDate}}
${EN_FOOTER}`,
  },
  {
    key: 'payments.summary',
    lang: 'ja',
    subject: '【伴走ネット】{{month}}分の謝金支払い一覧を作成しました',
    body: `事務局のみなさま

{{month}}に提出された申請の謝金支払い一覧（シート「{{sheetName}}」）を作成しました。

　支払い対象の支援者: {{supportersPaid}}人
　件数: {{totalCases}}件
　合計金額: {{totalAmount}}
　書類待ちで保留中の申請: {{onHold}}件
　確認が必要な申請: {{review}}件

{{sheetUrl}}

保留中の申請と確認が必要な申請は、同じシートの下の方に一覧があります。
`,
  },
  {
    key: 'payments.summary',
    lang: 'en',
    subject: 'Bansou Net: payment sheet for {{month}} is ready',
    body: `Dear office staff,

The payment sheet for applications submitted in {{month}} (sheet "{{sheetName}}") has been made.

    Supporters paid: {{supportersPaid}}
    Cases: {{totalCases}}
    Total amount: {{totalAmount}}
    Applications on hold for documents: {{onHold}}
    Applications needing review: {{review}}

{{sheetUrl}}

The applications on hold and those needing review are listed lower down on the same sheet.
`,
  },
  {
    key: 'payments.notice',
    lang: 'ja',
    subject: '【伴走ネット】謝金のお支払いのお知らせ（{{month}}分）',
    body: `{{name}} 様

伴走支援の謝金を、次のとおりお支払いします。

■ お支払いする支援（{{caseCount}}件）
・{{cases}}

　合計: {{total}}
　お振込予定日: {{transferDate}}ごろ

謝金受取口座届出書でお届けいただいた口座にお振り込みします。

{{onHold}}
${JA_FOOTER}
※このメールは、月ごとの謝金の支払い処理にもとづいて自動で送信しています。
`,
  },
  {
    key: 'payments.notice',
    lang: 'en',
    subject: 'Bansou Net: your fees for {{month}} are being paid',
    body: `Dear {{name}},

Your fees for accompanying support will be paid as follows.

Support paid ({{caseCount}})
- {{cases}}

    Total: {{total}}
    Expected transfer: around {{transferDate}}

The money is transferred to the account in your Notification of Payment Receiving Account.

{{onHold}}
${EN_FOOTER}
This email was sent automatically after the monthly payment run.
`,
  },
  {
    key: 'staff.alert',
    lang: 'ja',
    subject: '【伴走ネット】要確認: {{title}}',
    body: `伴走ネットの自動処理で、事務局の確認が必要なことがありました。

{{message}}

{{details}}

スプレッドシート: {{sheetUrl}}

（このメールには氏名やメールアドレスを載せず、受付番号と伴走ネットIDだけを記載しています。）
`,
  },
  {
    key: 'staff.alert',
    lang: 'en',
    subject: 'Bansou Net: please check: {{title}}',
    body: `The Bansou Net automation found something the office needs to check.

{{message}}

{{details}}

Spreadsheet: {{sheetUrl}}

(This email gives only response IDs and Bansou Net IDs, never names or email addresses.)
`,
  },
  {
    key: 'signup.accepted',
    lang: 'ja',
    subject: '【伴走ネット】オンライン相談会のお申し込みを受け付けました（{{sessionId}}）',
    body: `{{name}} 様

オンライン相談会へのお申し込みを受け付けました。参加が確定しています。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　参加用URL: {{meetingUrl}}
　受付番号: {{responseId}}

前日にもリマインダーをお送りします。参加できなくなった場合は、事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'signup.accepted',
    lang: 'en',
    subject: 'Bansou Net: your place in the online session {{sessionId}} is confirmed',
    body: `Dear {{name}},

Thank you for signing up. Your place in the online consultation session is confirmed.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Meeting link: {{meetingUrl}}
    Reference: {{responseId}}

We will send a reminder the day before. If you cannot attend, please tell the office.
${EN_FOOTER}`,
  },
  {
    key: 'signup.promoted',
    lang: 'ja',
    subject: '【伴走ネット】キャンセル待ちから参加が確定しました（{{sessionId}}）',
    body: `{{name}} 様

キャンセル待ちでお申し込みいただいていたオンライン相談会に空きができたため、参加が確定しました。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　参加用URL: {{meetingUrl}}
　受付番号: {{responseId}}

参加できない場合は、次の方のために事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'signup.promoted',
    lang: 'en',
    subject: 'Bansou Net: a place opened up: you are now in the session {{sessionId}}',
    body: `Dear {{name}},

A place has opened up in the online consultation session you were waiting for. Your place is now confirmed.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Meeting link: {{meetingUrl}}
    Reference: {{responseId}}

If you cannot attend, please tell the office so that the next person can take the place.
${EN_FOOTER}`,
  },
  {
    key: 'signup.waitlisted',
    lang: 'ja',
    subject: '【伴走ネット】オンライン相談会のキャンセル待ちで受け付けました（{{sessionId}}）',
    body: `{{name}} 様

オンライン相談会へのお申し込みありがとうございます。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　状態: {{status}}
　受付番号: {{responseId}}

{{reasons}}

空きができた場合は、お申し込みの順にご案内し、参加用URLをお送りします。
${JA_FOOTER}`,
  },
  {
    key: 'signup.waitlisted',
    lang: 'en',
    subject: 'Bansou Net: you are on the waiting list for the session {{sessionId}}',
    body: `Dear {{name}},

Thank you for signing up for the online consultation session.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Status: {{status}}
    Reference: {{responseId}}

{{reasons}}

If a place opens up, we offer it in the order of sign-up and send you the meeting link.
${EN_FOOTER}`,
  },
  {
    key: 'signup.rejected',
    lang: 'ja',
    subject: '【伴走ネット】オンライン相談会のお申し込みについて（受付番号: {{responseId}}）',
    body: `{{name}} 様

オンライン相談会へのお申し込みありがとうございます。
申し訳ありませんが、今回のお申し込みはお受けできませんでした。

　回: {{sessionId}} {{sessionTitle}}
　状態: {{status}}
　受付番号: {{responseId}}

■ 理由
{{reasons}}
${JA_FOOTER}`,
  },
  {
    key: 'signup.rejected',
    lang: 'en',
    subject: 'Bansou Net: about your sign-up for an online session (reference {{responseId}})',
    body: `Dear {{name}},

Thank you for signing up for an online consultation session.
We are sorry, but we could not accept this sign-up.

    Session: {{sessionId}} {{sessionTitle}}
    Status: {{status}}
    Reference: {{responseId}}

Why
{{reasons}}
${EN_FOOTER}`,
  },
  {
    key: 'signup.cancelled',
    lang: 'ja',
    subject: '【伴走ネット】オンライン相談会の参加を取り消しました（{{sessionId}}）',
    body: `{{name}} 様

次のオンライン相談会へのご参加は、事務局で取り消しました。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　受付番号: {{responseId}}

お心当たりがない場合は、事務局までご連絡ください。
${JA_FOOTER}`,
  },
  {
    key: 'signup.cancelled',
    lang: 'en',
    subject: 'Bansou Net: your place in the session {{sessionId}} was cancelled',
    body: `Dear {{name}},

The office has cancelled your place in this online consultation session.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Reference: {{responseId}}

If you did not expect this, please contact the office.
${EN_FOOTER}`,
  },
  {
    key: 'signup.reminder',
    lang: 'ja',
    subject: '【伴走ネット】明日のオンライン相談会のご案内（{{sessionId}}）',
    body: `{{name}} 様

お申し込みいただいたオンライン相談会のご案内です。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　参加用URL: {{meetingUrl}}

時間になりましたら、上のURLから参加してください。
${JA_FOOTER}`,
  },
  {
    key: 'signup.reminder',
    lang: 'en',
    subject: 'Bansou Net: reminder: online session {{sessionId}} tomorrow',
    body: `Dear {{name}},

This is a reminder of the online consultation session you signed up for.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Meeting link: {{meetingUrl}}

Please join through the link above at the start time.
${EN_FOOTER}`,
  },
  {
    key: 'sessions.participants',
    lang: 'ja',
    subject: '【伴走ネット】参加者一覧: {{sessionId}} {{sessionTitle}}',
    body: `事務局のみなさま

オンライン相談会の参加者一覧です。

　回: {{sessionId}} {{sessionTitle}}
　日時: {{sessionTime}}
　参加用URL: {{meetingUrl}}
　参加確定: {{count}}人（定員 {{capacity}}人）

■ 参加者（伴走ネットID・目的。氏名はシート「Sign-ups」にあります）
{{participants}}

■ キャンセル待ち
{{waitlisted}}

出席はシート「Sign-ups」の「出席」欄に記入してください。
{{sheetUrl}}
`,
  },
  {
    key: 'sessions.participants',
    lang: 'en',
    subject: 'Bansou Net: participants of {{sessionId}} {{sessionTitle}}',
    body: `Dear office staff,

Here is the participant list of the online consultation session.

    Session: {{sessionId}} {{sessionTitle}}
    Time: {{sessionTime}}
    Meeting link: {{meetingUrl}}
    Participants: {{count}} (capacity {{capacity}})

Participants (Bansou Net ID, purpose; the names are in the sheet "Sign-ups")
{{participants}}

Waiting list
{{waitlisted}}

Please tick attendance in the "Attended" column of the sheet "Sign-ups".
{{sheetUrl}}
`,
  },
];
