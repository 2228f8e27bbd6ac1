// (a) The guides' generated sections: text made from the code itself (every Settings key,
// every reason code with its email sentence, every default email's subject), between
// `<!-- generated:… -->` markers.
import { join, resolve } from 'node:path';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { REASON_CODES, REASONS } from '../../src/domain/reasons';
import { SIGNUP_REASON_CODES, SIGNUP_REASONS } from '../../src/domain/sessions';
import { SETTINGS_SPEC } from '../../src/domain/settings';
import { TEMPLATE_KEYS, type TemplateKey } from '../../src/domain/templates';
import type { ReasonCode } from '../../src/domain/types';

export type Lang = 'ja' | 'en';

const ROOT = resolve(__dirname, '..', '..');
export const GUIDE_FILES: Record<Lang, string> = {
  ja: join(ROOT, 'docs', 'guide.ja.md'),
  en: join(ROOT, 'docs', 'guide.en.md'),
};
export const IMAGE_DIR = join(ROOT, 'docs', 'images');

// ---------------------------------------------------------------------------------------------
// (a) Generated sections

const MARKER = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** Markdown table cell: a pipe or a line break would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const REQUIRED_KINDS = new Set(['url', 'email']);

function defaultText(spec: (typeof SETTINGS_SPEC)[number], lang: Lang): string {
  if (spec.defaultValue !== '') return `\`${spec.defaultValue}\``;
  if (REQUIRED_KINDS.has(spec.kind))
    return lang === 'ja' ? '（空欄：必ず入力）' : '*(empty: required)*';
  return lang === 'ja' ? '（空欄）' : '*(empty)*';
}

function settingsTable(lang: Lang, fieldMap: boolean): string {
  const specs = SETTINGS_SPEC.filter((s) => s.key.startsWith('field.') === fieldMap);
  const header =
    lang === 'ja'
      ? ['キー', '設定項目', '既定値', '説明']
      : ['Key', 'Setting', 'Default', 'Meaning'];
  return table(
    header,
    specs.map((s) => [
      `\`${s.key}\``,
      lang === 'ja' ? s.labelJa : s.labelEn,
      defaultText(s, lang),
      lang === 'ja' ? s.helpJa : s.helpEn,
    ]),
  );
}

function reasonStatus(code: ReasonCode, lang: Lang): string {
  const { effect } = REASONS[code];
  if (effect === 'SHARE_REFUSED') {
    return lang === 'ja'
      ? '受理のまま（2人目の謝金だけ出ません）'
      : 'stays ACCEPTED (only the second fee is dropped)';
  }
  if (effect === 'REVIEW') {
    return lang === 'ja' ? 'REVIEW（確認中）' : 'REVIEW';
  }
  return lang === 'ja' ? 'REJECTED（不受理）' : 'REJECTED';
}

function reasonsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['理由コード', 'ルール', '判定', 'メールに書かれる説明']
      : ['Reason code', 'Rule', 'Status', 'What the email says'];
  return table(
    header,
    REASON_CODES.map((code) => [
      `\`${code}\``,
      REASONS[code].rule,
      reasonStatus(code, lang),
      REASONS[code].text[lang],
    ]),
  );
}

function signupStatusLabel(status: 'REJECTED' | 'WAITLISTED', lang: Lang): string {
  if (status === 'WAITLISTED') return lang === 'ja' ? 'WAITLISTED（キャンセル待ち）' : 'WAITLISTED';
  return lang === 'ja' ? 'REJECTED（お受けできません）' : 'REJECTED';
}

/** R34: the sign-up reason codes, with the sentence the sign-up emails use. */
function signupReasonsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['理由コード', 'ルール', '状態', 'メールに書かれる説明']
      : ['Reason code', 'Rule', 'Status', 'What the email says'];
  return table(
    header,
    SIGNUP_REASON_CODES.map((code) => [
      `\`${code}\``,
      SIGNUP_REASONS[code].rule,
      signupStatusLabel(SIGNUP_REASONS[code].status, lang),
      SIGNUP_REASONS[code].text[lang],
    ]),
  );
}

/** When each email goes out, in plain words (typed: a new template key must be described). */
const EMAIL_WHEN: Record<TemplateKey, Record<Lang, string>> = {
  'registration.reply': {
    ja: '登録フォームに回答した人へ（同じアドレスには1日1通まで）',
    en: 'to whoever fills in the registration form (at most one a day to the same address)',
  },
  'application.accepted': {
    ja: '申請が受理され、書類もそろっているとき（申請者と同行した支援者へ）',
    en: 'an application is accepted and the documents are in (to the applicant and the second supporter)',
  },
  'application.onHold': {
    ja: '申請は受理されたが、その年度の書類がまだ届いていないとき',
    en: 'an application is accepted but the documents for that fiscal year have not arrived',
  },
  'application.rejected': {
    ja: '申請が不受理のとき（理由をすべて書きます）',
    en: 'an application is rejected (every reason is written out)',
  },
  'application.review': {
    ja: '申請を事務局が確認するとき（REVIEW）',
    en: 'the office needs to look at an application (REVIEW)',
  },
  'application.paidEdited': {
    ja: '支払い済みの申請の回答が変更されたとき',
    en: 'someone edits an application that has already been paid',
  },
  'application.shareRefused': {
    ja: '申請は受理されたが、同行した支援者の分だけ受理できないとき（その支援者あて。理由と、申請者の申請は受理されていること）',
    en: 'an application is accepted but the second supporter’s share is not (to that supporter: why, and that the application stands)',
  },
  'payments.notice': {
    ja: '月次の支払い処理のあと、その月に支払う支援者それぞれへ（月ごとに1人1通）',
    en: 'after the monthly payment run, to each supporter paid that month (one per supporter per month)',
  },
  'payments.summary': {
    ja: '月次の支払い処理のあと、事務局へ',
    en: 'to the office, after each monthly payment run',
  },
  'staff.alert': {
    ja: '事務局の確認が必要なことが起きたとき、事務局へ（同じ件は1回だけ）',
    en: 'to the office, when something needs attention (once per problem)',
  },
  'signup.accepted': {
    ja: '相談会の申し込みで参加が確定したとき（参加用URLつき）',
    en: 'a session sign-up is accepted (with the meeting link)',
  },
  'signup.promoted': {
    ja: 'キャンセル待ちから繰り上がって参加が確定したとき（参加用URLつき）',
    en: 'a waiting sign-up moves up into a freed place (with the meeting link)',
  },
  'signup.waitlisted': {
    ja: '定員に達していて、キャンセル待ちになったとき（URLは送りません）',
    en: 'the session is full and the sign-up waits (no meeting link)',
  },
  'signup.rejected': {
    ja: '相談会の申し込みをお受けできないとき（理由をすべて書きます）',
    en: 'a session sign-up is not accepted (every reason is written out)',
  },
  'signup.cancelled': {
    ja: '事務局が参加を取り消したとき（事務局判定「CANCELLED」）',
    en: 'the office cancels a participant (staff override CANCELLED)',
  },
  'signup.reminder': {
    ja: '相談会の前日、参加確定の人へ1回だけ（取り消した人には送りません）',
    en: 'the day before a session, once, to each accepted participant (never after a cancellation)',
  },
  'sessions.participants': {
    ja: '相談会の前日、事務局へ参加者一覧を1回',
    en: 'the day before a session, once, the participant list to the office',
  },
};

function emailsTable(lang: Lang): string {
  const header =
    lang === 'ja'
      ? ['テンプレート', 'いつ・だれに', '件名（既定）']
      : ['Template', 'When and to whom', 'Subject (default)'];
  return table(
    header,
    TEMPLATE_KEYS.map((key) => {
      const t = DEFAULT_TEMPLATES.find((d) => d.key === key && d.lang === lang);
      return [`\`${key}\``, EMAIL_WHEN[key][lang], t ? `\`${t.subject}\`` : ''];
    }),
  );
}

/** Every generated section of one guide, by marker name. */
export function generatedSections(lang: Lang): Record<string, string> {
  return {
    settings: settingsTable(lang, false),
    'field-map': settingsTable(lang, true),
    reasons: reasonsTable(lang),
    'signup-reasons': signupReasonsTable(lang),
    emails: emailsTable(lang),
  };
}

/** The text between each pair of markers in `text` (the markers' names as keys). */
export function readGenerated(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(MARKER)) {
    const open = `<!-- generated:${m[1]} -->\n`;
    const close = `<!-- /generated:${m[1]} -->`;
    out[m[1]] = m[0].slice(open.length, m[0].length - close.length).replace(/\n$/, '');
  }
  return out;
}

/** Replaces the text between each pair of markers; every section must have its markers. */
export function writeGenerated(text: string, sections: Record<string, string>): string {
  const found = readGenerated(text);
  const missing = Object.keys(sections).filter((name) => !(name in found));
  if (missing.length > 0) {
    throw new Error(`markers missing for: ${missing.join(', ')}`);
  }
  return text.replace(MARKER, (_all, name: string) => {
    const body = sections[name];
    if (body === undefined) throw new Error(`unknown generated section "${name}"`);
    return `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}
