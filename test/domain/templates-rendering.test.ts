// Email templates: choosing a template for a member's language and filling it in (R3, R17, R25),
// the corners of the plain text, the HTML and the subject. Expected texts are written out by hand.
import {
  combineTemplates,
  documentLines,
  emailLanguage,
  factLines,
  fiscalYearText,
  pickTemplate,
  renderEmail,
  shareReasonLines,
  signupReasonLines,
  signupStatusText,
  statusText,
  type Template,
  type TemplateValue,
} from '../../src/domain/templates';

const tpl = (
  lang: string,
  subject: string,
  body: string,
  key = 'application.accepted',
): Template => ({
  key,
  lang,
  subject,
  body,
});
const html = (inner: string) =>
  `<div style="font-family: sans-serif; line-height: 1.6">${inner}</div>`;
const render = (t: Template, vars: Record<string, TemplateValue> = {}) => renderEmail(t, vars);
const STATUS = { ja: '受理', en: 'Accepted' };

describe('the language of a member’s emails', () => {
  test('両方 and Both mean both languages; no answer means none', () => {
    expect(emailLanguage('両方')).toBe('both');
    expect(emailLanguage(' Both ')).toBe('both');
    expect(emailLanguage('')).toBe('');
    // A member row without the column gives no value at all.
    expect(emailLanguage(undefined as unknown as string)).toBe('');
  });

  test('the codes ja, jp and en count only on their own, not inside another language’s code', () => {
    expect([emailLanguage('JA'), emailLanguage('jp'), emailLanguage('En')]).toEqual([
      'ja',
      'ja',
      'en',
    ]);
    // ISO 639 codes of other languages: Jamaican Creole, Budza, Judeo-Persian, Pwo Eastern Karen,
    // Enga, Bengali.
    for (const code of ['jam', 'bja', 'jpr', 'kjp', 'enq', 'ben'])
      expect(emailLanguage(code)).toBe(code);
  });
});

describe('choosing a template', () => {
  test('a row whose body is only spaces and line breaks counts as absent', () => {
    const en = tpl('en', 'Accepted', 'Your application was accepted.');
    expect(pickTemplate([tpl('ja', '受理', ' \n  '), en], 'application.accepted', 'ja')).toBe(en);
  });

  test('a key typed with spaces around it still names its template', () => {
    const ja = tpl('ja', '受理', '受理しました。', ' application.accepted ');
    expect(pickTemplate([ja], 'application.accepted', 'ja')).toBe(ja);
  });

  test('a member with no language gets Japanese and English together, never a row without a language', () => {
    const rows = [
      tpl('', 'no language', 'This row has no language.'),
      tpl('ja', '受理', '受理しました。'),
      tpl('en', 'Accepted', 'Accepted.'),
    ];
    expect(pickTemplate(rows, 'application.accepted', '')).toEqual({
      key: 'application.accepted',
      lang: 'both',
      subject: '受理 / Accepted',
      body: `受理しました。\n\n${'-'.repeat(40)}\n\nAccepted.\n`,
    });
  });

  test('two templates combined: subjects trimmed, each body without its trailing blank lines', () => {
    const both = combineTemplates(
      tpl('ja', ' 受理のお知らせ ', 'こんにちは。\n本文です。\n\n  \n'),
      tpl('en', 'Accepted ', 'Hello.\nThe body.\n\n'),
    );
    expect(both.subject).toBe('受理のお知らせ / Accepted');
    expect(both.body).toBe(`こんにちは。\n本文です。\n\n${'-'.repeat(40)}\n\nHello.\nThe body.\n`);
  });
});

describe('filling in a template: values in both languages', () => {
  test('a "both" template without a separator line shows a one-line value in both languages on one line', () => {
    const r = render(tpl('both', 'Status', '結果 / Result: {{status}}'), { status: STATUS });
    expect(r.body).toBe('結果 / Result: 受理 / Accepted');
  });

  test('… and a value of several lines as the Japanese lines, then the English ones', () => {
    const t = tpl('both', 'Reasons', '・{{reasons}}');
    expect(render(t, { reasons: { ja: ['理由1', '理由2'], en: ['reason 1'] } }).body).toBe(
      '・理由1\n・理由2\n・reason 1',
    );
    expect(render(t, { reasons: { ja: ['理由1'], en: ['reason 1', 'reason 2'] } }).body).toBe(
      '・理由1\n・reason 1\n・reason 2',
    );
  });

  test('only a "both" template switches to English below a separator line; an English one stays English', () => {
    const body = '{{status}}\n--------\n{{status}}';
    expect(render(tpl('en', 'x', body), { status: STATUS }).body).toBe(
      'Accepted\n--------\nAccepted',
    );
    expect(render(tpl('ja', 'x', body), { status: STATUS }).body).toBe('受理\n--------\n受理');
    expect(render(tpl('both', 'x', body), { status: STATUS }).body).toBe(
      '受理\n--------\nAccepted',
    );
  });
});

describe('filling in a template: lines and lists', () => {
  test('a bullet line whose value is empty or blank is dropped', () => {
    const t = tpl('en', 'x', 'Before\n・{{note}}\nAfter');
    for (const note of ['', '  ', ['', ' ']])
      expect(render(t, { note }).body).toBe('Before\nAfter');
  });

  test('a list with an empty line in it keeps all its lines (only an all-empty value drops the line)', () => {
    const t = tpl('en', 'x', '・{{items}}');
    expect(render(t, { items: ['first', '', 'third'] }).body).toBe('・first\n・\n・third');
  });

  test('a bullet line with spaces after its placeholder still repeats the bullet for each value', () => {
    const t = tpl('en', 'x', '・{{items}}   ');
    expect(render(t, { items: ['a', 'b'] }).body).toBe('・a\n・b');
  });

  test('a list inside a sentence is joined by line breaks (<br> in HTML)', () => {
    const r = render(tpl('en', 'x', 'Reasons: {{items}}.'), { items: ['a', 'b'] });
    expect(r.body).toBe('Reasons: a\nb.');
    expect(r.htmlBody).toBe(html('Reasons: a<br>b.'));
  });

  test('line breaks of every kind (CR LF, CR, LF) in a template body end lines', () => {
    expect(render(tpl('en', 'x', 'one\r\ntwo\rthree\nfour')).body).toBe('one\ntwo\nthree\nfour');
  });

  test('a placeholder with no value stays visible in the text and in the HTML, and is listed', () => {
    const r = render(tpl('en', 'x', 'Dear {{name}}, <ok>'));
    expect(r.body).toBe('Dear {{name}}, <ok>');
    expect(r.htmlBody).toBe(html('Dear {{name}}, &lt;ok&gt;'));
    expect(r.missing).toEqual(['name']);
  });
});

describe('links in the HTML', () => {
  test('a URL in the template text ends before the punctuation that closes the sentence', () => {
    const r = render(tpl('en', 'x', '(see https://example.org/info).'));
    expect(r.htmlBody).toBe(
      html('(see <a href="https://example.org/info">https://example.org/info</a>).'),
    );
  });

  test('a URL variable becomes a link when it is an http or https address, spaces around it ignored', () => {
    const t = tpl('en', 'x', 'Form: {{applicationFormUrl}}');
    expect(render(t, { applicationFormUrl: ' http://example.org/form ' }).htmlBody).toBe(
      html('Form: <a href="http://example.org/form">http://example.org/form</a>'),
    );
  });

  test('a URL variable with other text before the address is only escaped', () => {
    const t = tpl('en', 'x', 'Form: {{applicationFormUrl}}');
    expect(render(t, { applicationFormUrl: 'x https://example.org/form' }).htmlBody).toBe(
      html('Form: x https://example.org/form'),
    );
  });
});

describe('the subject', () => {
  test('line breaks become single spaces and runs of spaces one space', () => {
    expect(render(tpl('en', 'Line one\r\nline two\nthree', 'b')).subject).toBe(
      'Line one line two three',
    );
    expect(render(tpl('en', 'a  {{x}}   b', 'b'), { x: 'X' }).subject).toBe('a X b');
  });

  test('a control character such as DEL becomes a space', () => {
    expect(render(tpl('en', 'a\u007fb\tc', 'b')).subject).toBe('a b c');
  });

  test('a list value in the subject is one line, its items separated by spaces', () => {
    expect(render(tpl('en', 'Reasons: {{items}}', 'b'), { items: ['a', 'b'] }).subject).toBe(
      'Reasons: a b',
    );
    expect(render(tpl('en', '{{items}}', 'b'), { items: ['a', 'b'] }).subject).toBe('a b');
  });

  test('only a "both" subject is read as Japanese / English halves; an English subject is English throughout', () => {
    expect(render(tpl('en', '{{status}} / Bansou Net', 'b'), { status: STATUS }).subject).toBe(
      'Accepted / Bansou Net',
    );
    expect(render(tpl('both', '{{status}} / {{status}}', 'b'), { status: STATUS }).subject).toBe(
      '受理 / Accepted',
    );
  });

  test('a "both" subject whose Japanese half is empty still takes English values after " / "', () => {
    expect(render(tpl('both', ' / {{status}}', 'b'), { status: STATUS }).subject).toBe(
      '/ Accepted',
    );
  });

  test('a subject part that is only an empty value renders as nothing', () => {
    expect(render(tpl('both', '{{x}} / Notice', 'b'), { x: '' }).subject).toBe('/ Notice');
  });
});

describe('values for the placeholders', () => {
  test('status texts (R17)', () => {
    expect(statusText('ACCEPTED')).toEqual({ ja: '受理', en: 'Accepted' });
    expect(statusText('REVIEW')).toEqual({ ja: '確認中', en: 'Under review' });
  });

  test('a fiscal year in words', () => {
    expect(fiscalYearText(2025)).toEqual({
      ja: '2025年度（2025年4月〜2026年3月）',
      en: 'fiscal year 2025 (April 2025 to March 2026)',
    });
  });

  test('the documents still missing (R20), in English', () => {
    expect(documentLines(['account', 'memorandum']).en).toEqual([
      'the Notification of Payment Receiving Account (謝金受取口座届出書)',
      'the signed Memorandum (覚書)',
    ]);
  });

  test('a refused share in Japanese, addressed to the second supporter (R12)', () => {
    expect(shareReasonLines(['CO_UNKNOWN', 'LATE']).ja).toEqual([
      'あなたの伴走ネットIDは、申請の時点で登録されていませんでした。',
    ]);
  });

  test('a fact with a list of modules: joined by 、 in Japanese and by commas in English', () => {
    expect(
      factLines(['NOT_ELIGIBLE'], {
        submittedOn: { ja: '2024年8月20日', en: '20 August 2024' },
        modulesDone: { ja: ['基礎1', '基礎2'], en: ['Basic 1', 'Basic 2'] },
        modulesMissing: { ja: ['基礎3'], en: ['Basic 3'] },
      }),
    ).toEqual({
      ja: [
        '2024年8月20日（申請日）の時点: 伴走支援の経験の申告なし／提出済みの講座アンケート: 基礎1、基礎2／不足: 基礎3',
      ],
      en: [
        'As of 20 August 2024 (the day of the application): no accompanying-support experience declared; course questionnaires completed: Basic 1, Basic 2; missing: Basic 3',
      ],
    });
  });

  test('sign-up reasons and statuses (R35)', () => {
    expect(signupReasonLines(['UNKNOWN_ID', 'NOT_SELF'])).toEqual({
      ja: [
        '入力された伴走ネットIDは、申し込みの時点で登録されていませんでした。',
        '申し込みは本人が、登録したメールアドレスで行う必要があります。',
      ],
      en: [
        'The Bansou Net ID you entered was not registered when you signed up.',
        'Sign-ups must be made by the members themselves, from the email address they registered.',
      ],
    });
    expect(signupStatusText('WAITLISTED')).toEqual({ ja: 'キャンセル待ち', en: 'Waiting list' });
  });
});
