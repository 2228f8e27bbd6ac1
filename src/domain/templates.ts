// Email templates (R3, R17, R23) and their rendering. Staff edit the templates in a sheet;
// DEFAULT_TEMPLATES are what set-up writes there first. Plain text in, plain text and safe HTML out:
// answers (names, IDs) are always escaped, and only the template's own text and the designated
// URL variables become links (R25).
import { formatDay, formatMonth } from './dates';
import { REASON_FACTS, REASONS, SHARE_REASON_TEXT, STATUS_TEXT } from './reasons';
import {
  SIGNUP_REASONS,
  SIGNUP_STATUS_TEXT,
  type SignupReason,
  type SignupStatus,
} from './sessions';
import { nfkc } from './text';
import type { Day, Month, ReasonCode, Status } from './types';

export type TemplateKey =
  | 'registration.reply'
  | 'application.accepted'
  | 'application.onHold'
  | 'application.rejected'
  | 'application.review'
  | 'application.paidEdited'
  | 'application.shareRefused'
  | 'payments.summary'
  | 'payments.notice'
  | 'staff.alert'
  | 'signup.accepted'
  | 'signup.promoted'
  | 'signup.waitlisted'
  | 'signup.rejected'
  | 'signup.cancelled'
  | 'signup.reminder'
  | 'sessions.participants';

/**
 * One template. `lang` is 'ja', 'en', 'both' (Japanese then English in one message) or any
 * other language staff add (matched against the member's answer). `key` is a string because
 * staff-edited rows come from a sheet.
 */
export interface Template {
  key: string;
  lang: string;
  subject: string;
  body: string;
}

/** A value that differs by language: the template's language picks one. */
export interface Localized {
  ja: string | string[];
  en: string | string[];
}

export type TemplateValue = string | string[] | Localized;

/** What every sign-up email is given (R35). */
const SIGNUP_VARS = [
  'name',
  'memberId',
  'responseId',
  'sessionId',
  'sessionTitle',
  'sessionTime',
  'meetingUrl',
  'status',
  'reasons',
  'officeContact',
] as const;

/** The placeholders each template is given by the use cases (for checking staff-edited templates). */
export const TEMPLATE_VARS: Record<TemplateKey, readonly string[]> = {
  'registration.reply': ['name', 'memberId', 'applicationFormUrl', 'officeContact'],
  'application.accepted': [
    'name',
    'memberId',
    'responseId',
    'supportDate',
    'status',
    'fee',
    'paymentMonth',
    'reasons',
    'officeContact',
  ],
  'application.onHold': [
    'name',
    'memberId',
    'responseId',
    'supportDate',
    'status',
    'fee',
    'fiscalYear',
    'documents',
    'officeContact',
  ],
  'application.rejected': [
    'name',
    'memberId',
    'responseId',
    'supportDate',
    'submittedOn',
    'status',
    'reasons',
    'facts',
    'applicationFormUrl',
    'officeContact',
  ],
  'application.review': [
    'name',
    'memberId',
    'responseId',
    'supportDate',
    'submittedOn',
    'status',
    'reasons',
    'facts',
    'officeContact',
  ],
  'application.paidEdited': ['name', 'memberId', 'responseId', 'supportDate', 'officeContact'],
  'application.shareRefused': [
    'name',
    'memberId',
    'applicantId',
    'responseId',
    'supportDate',
    'submittedOn',
    'reasons',
    'facts',
    'officeContact',
  ],
  'payments.summary': [
    'month',
    'sheetName',
    'sheetUrl',
    'supportersPaid',
    'totalCases',
    'totalAmount',
    'onHold',
    'review',
  ],
  'payments.notice': [
    'name',
    'memberId',
    'month',
    'cases',
    'caseCount',
    'total',
    'transferDate',
    'onHold',
    'officeContact',
  ],
  'staff.alert': ['title', 'message', 'details', 'sheetUrl'],
  'signup.accepted': SIGNUP_VARS,
  'signup.promoted': SIGNUP_VARS,
  'signup.waitlisted': SIGNUP_VARS,
  'signup.rejected': SIGNUP_VARS,
  'signup.cancelled': SIGNUP_VARS,
  'signup.reminder': SIGNUP_VARS,
  'sessions.participants': [
    'sessionId',
    'sessionTitle',
    'sessionTime',
    'meetingUrl',
    'capacity',
    'count',
    'participants',
    'waitlisted',
    'sheetUrl',
  ],
};

/** Every template key, in the order of TEMPLATE_VARS (a Record: no key can be left out). */
export const TEMPLATE_KEYS = Object.keys(TEMPLATE_VARS) as readonly TemplateKey[];

/** Variables whose value is a link we made ourselves; only these become <a> in HTML. */
const URL_VARS: ReadonlySet<string> = new Set(['applicationFormUrl', 'sheetUrl', 'meetingUrl']);

/** In a 'both' template, a line of dashes separates the Japanese part from the English part. */
export const BOTH_SEPARATOR = '----------------------------------------';
const SEPARATOR_LINE = /^\s*[-–—―=＝ー]{4,}\s*$/;

// ---------------------------------------------------------------------------------------------
// Choosing a template

/**
 * The template language for a member's answer to "Language for emails": 'ja' for
 * 日本語 / Japanese / ja, 'en' for English / 英語 / en, '' for no answer, otherwise the
 * answer itself in lower case (so staff can add templates for other languages).
 */
export function emailLanguage(raw: string): string {
  const t = nfkc(raw ?? '')
    .trim()
    .toLowerCase();
  if (t === 'both' || t === '両方') return 'both';
  const ja = /日本語|にほんご|japanese|^ja$|^jp$/.test(t);
  const en = /英語|えいご|english|^en$/.test(t);
  if (ja && !en) return 'ja';
  if (en && !ja) return 'en';
  return t;
}

function usable(t: Template | undefined): t is Template {
  return t !== undefined && t.body.trim() !== '';
}

/** Japanese then English in one message, split by BOTH_SEPARATOR. */
export function combineTemplates(ja: Template, en: Template): Template {
  return {
    key: ja.key,
    lang: 'both',
    subject: `${ja.subject.trim()} / ${en.subject.trim()}`,
    body: `${ja.body.replace(/\s+$/, '')}\n\n${BOTH_SEPARATOR}\n\n${en.body.replace(/\s+$/, '')}\n`,
  };
}

/**
 * The template for this key in the member's language; else the 'both' template; else one built
 * from the Japanese and English ones; else whichever of those two exists (a message in one
 * language beats no message: the registration reply carries the member's ID). Throws when the
 * key has no template at all. Rows with an empty body count as absent.
 */
export function pickTemplate(templates: readonly Template[], key: string, lang: string): Template {
  const forKey = templates.filter((t) => t.key.trim() === key && usable(t));
  const find = (l: string) => forKey.find((t) => emailLanguage(t.lang) === l);
  const wanted = emailLanguage(lang);
  const exact = wanted === '' ? undefined : find(wanted);
  if (exact) return exact;
  const both = find('both');
  if (both) return both;
  const ja = find('ja');
  const en = find('en');
  if (ja && en) return combineTemplates(ja, en);
  const single = ja ?? en;
  if (single) return single;
  throw new Error(
    `No email template for "${key}": add rows with this key and language ja, en or both to the Templates sheet.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g;

/** Escapes every character that matters in HTML text and attributes. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

function link(url: string): string {
  const u = escapeHtml(url);
  return `<a href="${u}">${u}</a>`;
}

/** Escapes text and turns the http(s) URLs in it into links (used for template text only). */
function linkifyTemplateText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    // A sentence may end right after a URL: its final punctuation is not part of it.
    const url = m[0].replace(/[.,;:!?)\]'"]+$/, '');
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(last, at)) + link(url);
    last = at + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

type Lang = 'ja' | 'en' | 'both';

function resolve(value: TemplateValue, lang: Lang): string[] {
  if (typeof value === 'string') return value.split(/\r\n|\r|\n/);
  if (Array.isArray(value)) return value.flatMap((v) => String(v).split(/\r\n|\r|\n/));
  if (lang === 'both') {
    // A 'both' template without a separator gets both languages.
    const ja = resolve(value.ja, 'ja');
    const en = resolve(value.en, 'en');
    return ja.length === 1 && en.length === 1 ? [`${ja[0]} / ${en[0]}`] : [...ja, ...en];
  }
  return resolve(lang === 'ja' ? value.ja : value.en, lang);
}

function isEmpty(lines: string[]): boolean {
  return lines.every((l) => l.trim() === '');
}

interface Rendered {
  plain: string[];
  html: string[];
}

/**
 * Renders one template line. A line holding a single placeholder and only bullet text around it
 * ('・{{reasons}}') is repeated for each value line, and dropped when the value is empty, so an
 * optional list leaves no stray bullet behind.
 */
function renderLine(
  line: string,
  lang: Lang,
  vars: ReadonlyMap<string, TemplateValue>,
  missing: string[],
): Rendered | null {
  const shape = lineShape(line);
  const alone = shape.alone;
  if (alone !== null && vars.has(alone.name)) {
    const values = resolve(vars.get(alone.name)!, lang);
    if (isEmpty(values)) return null;
    return {
      plain: values.map((v) => alone.before + v),
      html: values.map((v) => alone.beforeHtml + htmlValue(alone.name, v)),
    };
  }
  let plain = '';
  let html = '';
  for (const part of shape.parts) {
    plain += part.text;
    html += part.textHtml;
    const name = part.name;
    if (!vars.has(name)) {
      // Left visible so whoever reads the email (or the test) sees what was not filled in.
      if (!missing.includes(name)) missing.push(name);
      plain += part.placeholder;
      html += part.placeholderHtml;
      continue;
    }
    const values = resolve(vars.get(name)!, lang);
    plain += values.join('\n');
    html += values.map((v) => htmlValue(name, v)).join('<br>');
  }
  plain += shape.rest;
  html += shape.restHtml;
  return { plain: [plain], html: [html] };
}

/** A template line taken apart: what renderLine does with it that does not depend on values. */
interface LineShape {
  /** Each placeholder with the text before it (as is, and escaped and linkified for HTML). */
  parts: {
    text: string;
    textHtml: string;
    placeholder: string;
    placeholderHtml: string;
    name: string;
  }[];
  rest: string;
  restHtml: string;
  /** A line of one placeholder with only bullet text before it and nothing after. */
  alone: { before: string; beforeHtml: string; name: string } | null;
}

/** A body's lines, and which of them are a separator line (memoised as lineShape is). */
function bodyLines(body: string): { lines: string[]; separators: boolean[] } {
  let known = BODY_LINES.get(body);
  if (known === undefined) {
    const lines = body.replace(/\r\n?/g, '\n').split('\n');
    known = { lines, separators: lines.map((l) => SEPARATOR_LINE.test(l)) };
    if (BODY_LINES.size >= 200) BODY_LINES.clear();
    BODY_LINES.set(body, known);
  }
  return known;
}

const BODY_LINES = new Map<string, { lines: string[]; separators: boolean[] }>();

// Memoised by the line's text (a pure function of it). On Google each execution starts with
// fresh module state, so this lasts one execution (the lines of the emails it sends); the local
// runtime keeps it across the executions of a replay, which send the same templates thousands
// of times.
const LINE_SHAPES = new Map<string, LineShape>();

function lineShape(line: string): LineShape {
  let shape = LINE_SHAPES.get(line);
  if (shape !== undefined) return shape;
  const found = Array.from(line.matchAll(PLACEHOLDER));
  let alone: LineShape['alone'] = null;
  if (found.length === 1) {
    const m = found[0];
    const at = m.index ?? 0;
    const before = line.slice(0, at);
    const after = line.slice(at + m[0].length);
    if (/^[\s・\-*•　]*$/.test(before) && after.trim() === '')
      alone = { before, beforeHtml: escapeHtml(before), name: m[1] };
  }
  const parts: LineShape['parts'] = [];
  let last = 0;
  for (const m of found) {
    const at = m.index ?? 0;
    const text = line.slice(last, at);
    parts.push({
      text,
      textHtml: linkifyTemplateText(text),
      placeholder: m[0],
      placeholderHtml: escapeHtml(m[0]),
      name: m[1],
    });
    last = at + m[0].length;
  }
  const rest = line.slice(last);
  shape = { parts, rest, restHtml: linkifyTemplateText(rest), alone };
  if (LINE_SHAPES.size >= 2_000) LINE_SHAPES.clear();
  LINE_SHAPES.set(line, shape);
  return shape;
}

/** An answer is only ever escaped; a URL variable we filled ourselves becomes a link. */
function htmlValue(name: string, value: string): string {
  if (URL_VARS.has(name) && /^https?:\/\/[^\s<>"']+$/.test(value.trim())) return link(value.trim());
  return escapeHtml(value);
}

/** Control characters (CR, LF, tab…) become spaces: nothing can start a new mail header. */
function withoutControls(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return out;
}

function templateLang(lang: string): Lang {
  const l = emailLanguage(lang);
  return l === 'ja' || l === 'both' ? l : 'en';
}

/**
 * Fills a template. Placeholders `{{name}}` take vars[name]: a string, an array (one line per
 * item) or a Localized value (the template's language picks; in a 'both' template the Japanese
 * value is used above the BOTH_SEPARATOR line and the English one below it). An unknown
 * placeholder stays visible and is listed in `missing`. The subject is one line (CR/LF removed:
 * no header injection); htmlBody is built from the plain text with everything escaped.
 */
export function renderEmail(
  template: Template,
  vars: Record<string, TemplateValue>,
): { subject: string; body: string; htmlBody: string; missing: string[] } {
  const missing: string[] = [];
  const lang = templateLang(template.lang);
  // A Map, so a placeholder named {{constructor}} never finds Object.prototype.
  const table = new Map(Object.entries(vars));

  const { lines, separators } = bodyLines(template.body);
  const hasSeparator = lang === 'both' && separators.some((isSeparator) => isSeparator);
  let section: Lang = hasSeparator ? 'ja' : lang;
  const plain: string[] = [];
  const html: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (hasSeparator && separators[i]) section = 'en';
    const r = renderLine(line, section, table, missing);
    if (r === null) continue;
    plain.push(...r.plain);
    // HTML collapses spaces: keep the indentation of aligned lines.
    html.push(...r.html.map((h) => h.replace(/^ +/, (sp) => '&nbsp;'.repeat(sp.length))));
  }

  // A two-language subject ('日本語 / English', as combineTemplates writes it) takes the Japanese
  // values before the first ' / ' and the English ones after it, like the body's two halves.
  const subjectSource = template.subject.replace(/[\r\n]+/g, ' ');
  const cut = lang === 'both' ? subjectSource.indexOf(' / ') : -1;
  const parts: [string, Lang][] =
    cut >= 0
      ? [
          [subjectSource.slice(0, cut), 'ja'],
          [subjectSource.slice(cut), 'en'],
        ]
      : [[subjectSource, lang]];
  const subjectText = parts
    .map(([text, l]) => renderLine(text, l, table, missing)?.plain.join(' ') ?? '')
    .join('');
  const subject = withoutControls(subjectText).replace(/ {2,}/g, ' ').trim();

  return {
    subject,
    body: plain.join('\n'),
    htmlBody: `<div style="font-family: sans-serif; line-height: 1.6">${html.join('<br>')}</div>`,
    missing,
  };
}

// ---------------------------------------------------------------------------------------------
// Values for the placeholders

/** '4,000円' (ja) or '¥4,000' (en), without locale data. */
export function formatYen(n: number, lang: 'ja' | 'en'): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = n < 0 ? '-' : '';
  return lang === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

export function yenText(n: number): Localized {
  return { ja: formatYen(n, 'ja'), en: formatYen(n, 'en') };
}

export function dayText(day: Day): Localized {
  return { ja: formatDay(day, 'ja'), en: formatDay(day, 'en') };
}

export function monthText(month: Month): Localized {
  return { ja: formatMonth(month, 'ja'), en: formatMonth(month, 'en') };
}

/** R17: every reason in plain words, one line each. */
export function reasonLines(codes: readonly ReasonCode[]): Localized {
  return { ja: codes.map((c) => REASONS[c].text.ja), en: codes.map((c) => REASONS[c].text.en) };
}

/** R12: the reasons a second supporter's share was refused, addressed to them. */
export function shareReasonLines(codes: readonly ReasonCode[]): Localized {
  const own = codes.filter((c): c is keyof typeof SHARE_REASON_TEXT => c in SHARE_REASON_TEXT);
  return {
    ja: own.map((c) => SHARE_REASON_TEXT[c].ja),
    en: own.map((c) => SHARE_REASON_TEXT[c].en),
  };
}

/**
 * R17: the facts behind the reasons (REASON_FACTS), one line per reason that has them, with
 * `{{name}}` filled from `values` in each language. A fact whose value is not given is left out.
 */
export function factLines(
  codes: readonly ReasonCode[],
  values: Record<string, string | Localized>,
): Localized {
  const fill = (text: string, lang: 'ja' | 'en'): string | null => {
    let complete = true;
    const out = text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      const v = values[name];
      if (v === undefined) {
        complete = false;
        return '';
      }
      if (typeof v === 'string') return v;
      const x = v[lang];
      return Array.isArray(x) ? x.join(lang === 'ja' ? '、' : ', ') : x;
    });
    return complete ? out : null;
  };
  const lines = (lang: 'ja' | 'en') =>
    codes
      .map((c) => REASON_FACTS[c])
      .filter((f) => f !== undefined)
      .map((f) => fill(f[lang], lang))
      .filter((l): l is string => l !== null);
  return { ja: lines('ja'), en: lines('en') };
}

export function statusText(status: Status): Localized {
  return { ja: STATUS_TEXT[status].ja, en: STATUS_TEXT[status].en };
}

/** '2024年度（2024年4月〜2025年3月）' / 'fiscal year 2024 (April 2024 to March 2025)'. */
export function fiscalYearText(fy: number): Localized {
  return {
    ja: `${fy}年度（${fy}年4月〜${fy + 1}年3月）`,
    en: `fiscal year ${fy} (April ${fy} to March ${fy + 1})`,
  };
}

/** The documents still missing (R20), one line each. */
export function documentLines(missing: readonly ('memorandum' | 'account')[]): Localized {
  const names = {
    memorandum: { ja: '覚書（署名・押印したもの）', en: 'the signed Memorandum (覚書)' },
    account: {
      ja: '謝金受取口座届出書',
      en: 'the Notification of Payment Receiving Account (謝金受取口座届出書)',
    },
  };
  return { ja: missing.map((d) => names[d].ja), en: missing.map((d) => names[d].en) };
}

/** R35: the sign-up reasons, one per line, in the email's language. */
export function signupReasonLines(codes: readonly SignupReason[]): Localized {
  return {
    ja: codes.map((c) => SIGNUP_REASONS[c].text.ja),
    en: codes.map((c) => SIGNUP_REASONS[c].text.en),
  };
}

export function signupStatusText(status: SignupStatus): Localized {
  return { ja: SIGNUP_STATUS_TEXT[status].ja, en: SIGNUP_STATUS_TEXT[status].en };
}
