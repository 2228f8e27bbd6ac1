import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { REASONS } from '../../src/domain/reasons';
import {
  BOTH_SEPARATOR,
  combineTemplates,
  dayText,
  documentLines,
  emailLanguage,
  factLines,
  fiscalYearText,
  formatYen,
  monthText,
  pickTemplate,
  reasonLines,
  renderEmail,
  shareReasonLines,
  TEMPLATE_KEYS,
  TEMPLATE_VARS,
  type Template,
  type TemplateValue,
  yenText,
} from '../../src/domain/templates';
import type { ReasonCode } from '../../src/domain/types';

const OFFICE =
  'Solidarity Network with Migrants Japan (SMJ) TEL 03-3837-2316 bansounetwork@gmail.com';
const FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSdemo/viewform';

function registrationVars(name = 'Nguyen Van A'): Record<string, TemplateValue> {
  return { name, memberId: 'BN-00012', applicationFormUrl: FORM, officeContact: OFFICE };
}

function tpl(key: string, lang: string, subject: string, body: string): Template {
  return { key, lang, subject, body };
}

/** The placeholders a template uses that the use cases never give it. */
function unknownPlaceholders(template: Template): string[] {
  const known: readonly string[] = TEMPLATE_VARS[template.key as keyof typeof TEMPLATE_VARS] ?? [];
  const out: string[] = [];
  for (const m of `${template.subject}\n${template.body}`.matchAll(
    /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g,
  )) {
    if (!known.includes(m[1]) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

describe('DEFAULT_TEMPLATES', () => {
  test('every template key has a Japanese and an English default', () => {
    for (const key of TEMPLATE_KEYS) {
      const langs = DEFAULT_TEMPLATES.filter((t) => t.key === key).map((t) => t.lang);
      expect(langs.sort()).toEqual(['en', 'ja']);
    }
  });

  test('the defaults use only the placeholders the flows provide for their key', () => {
    for (const t of DEFAULT_TEMPLATES) expect(unknownPlaceholders(t)).toEqual([]);
  });

  test('rendered with every variable given, no default leaves a placeholder unfilled', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const vars: Record<string, TemplateValue> = {};
      for (const name of TEMPLATE_VARS[t.key as keyof typeof TEMPLATE_VARS]) vars[name] = 'x';
      const out = renderEmail(t, vars);
      expect(out.missing).toEqual([]);
      expect(out.body).not.toContain('{{');
      expect(out.subject).not.toContain('{{');
    }
  });
});

describe('registration reply (R3)', () => {
  test('the Japanese reply gives the ID, the two documents, the yearly renewal, the form link and the office contact', () => {
    const t = pickTemplate(DEFAULT_TEMPLATES, 'registration.reply', '日本語');
    const { subject, body } = renderEmail(t, registrationVars());
    expect(subject).toContain('BN-00012');
    expect(body).toContain('伴走ネットID: BN-00012');
    expect(body).toContain('「覚書」2部');
    expect(body).toContain('謝金受取口座届出書');
    expect(body).toContain('覚書1部に署名・押印');
    expect(body).toContain('もう1部は、ご自身で保管');
    expect(body).toContain('年度（4月〜翌年3月）ごと');
    expect(body).toContain(FORM);
    expect(body).toContain(OFFICE);
  });

  test('the English reply says the same in English', () => {
    const t = pickTemplate(DEFAULT_TEMPLATES, 'registration.reply', 'English');
    const { subject, body } = renderEmail(t, registrationVars());
    expect(subject).toContain('BN-00012');
    expect(body).toContain('two copies of the Memorandum');
    expect(body).toContain('Notification of Payment Receiving Account');
    expect(body).toContain('sign and stamp one copy');
    expect(body).toContain('Keep the other copy');
    expect(body).toContain('each fiscal year');
    expect(body).toContain(FORM);
    expect(body).toContain(OFFICE);
  });

  test('a member whose language has no template gets Japanese then English in one message', () => {
    const t = pickTemplate(DEFAULT_TEMPLATES, 'registration.reply', 'Tiếng Việt');
    const { subject, body } = renderEmail(t, registrationVars());
    expect(subject).toContain('ご登録ありがとうございます');
    expect(subject).toContain('thank you for registering');
    const ja = body.indexOf('伴走ネットにご登録いただき');
    const en = body.indexOf('Thank you for registering');
    expect(ja).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(ja);
  });
});

describe('decision emails (R17)', () => {
  test('accepted: fee per supporter and expected payment month in the member’s language', () => {
    const vars = {
      name: 'Ana',
      responseId: 'resp-1',
      supportDate: dayText('2024-07-30'),
      fee: yenText(4000),
      paymentMonth: monthText('2024-09'),
      reasons: reasonLines([]),
      officeContact: OFFICE,
    };
    const ja = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'application.accepted', 'ja'), vars);
    expect(ja.body).toContain('謝金（支援者1人あたり）: 4,000円');
    expect(ja.body).toContain('お支払い予定: 2024年9月');
    expect(ja.subject).toContain('2024年7月30日');
    // No reasons: the bullet line disappears instead of leaving a lone '・'.
    expect(ja.body.split('\n')).not.toContain('・');
    const en = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'application.accepted', 'en'), vars);
    expect(en.body).toContain('Fee per supporter: ¥4,000');
    expect(en.body).toContain('Expected payment: September 2024');
  });

  test('accepted with a rejected second supporter explains that share in plain words', () => {
    const t = pickTemplate(DEFAULT_TEMPLATES, 'application.accepted', 'en');
    const { body } = renderEmail(t, {
      name: 'Ana',
      responseId: 'r',
      supportDate: '',
      fee: yenText(8000),
      paymentMonth: monthText('2024-09'),
      reasons: reasonLines(['CO_UNKNOWN']),
      officeContact: OFFICE,
    });
    expect(body).toContain(`- ${REASONS.CO_UNKNOWN.text.en}`);
  });

  test('rejected: every reason on its own line, in the member’s language', () => {
    const codes: ReasonCode[] = ['NOT_SELF', 'LATE', 'TOO_SHORT'];
    const vars = {
      name: 'Ana',
      responseId: 'r',
      supportDate: dayText('2024-07-30'),
      reasons: reasonLines(codes),
      officeContact: OFFICE,
    };
    const ja = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'application.rejected', 'ja'), vars);
    for (const c of codes) expect(ja.body.split('\n')).toContain(`・${REASONS[c].text.ja}`);
    const en = renderEmail(pickTemplate(DEFAULT_TEMPLATES, 'application.rejected', 'en'), vars);
    for (const c of codes) expect(en.body.split('\n')).toContain(`- ${REASONS[c].text.en}`);
  });

  test('on hold: names the fiscal year and the missing documents', () => {
    const t = pickTemplate(DEFAULT_TEMPLATES, 'application.onHold', 'ja');
    const { body } = renderEmail(t, {
      name: 'Ana',
      responseId: 'r',
      supportDate: dayText('2024-04-02'),
      fee: yenText(4000),
      fiscalYear: fiscalYearText(2024),
      documents: documentLines(['memorandum', 'account']),
      officeContact: OFFICE,
    });
    expect(body).toContain('2024年度（2024年4月〜2025年3月）の次の書類');
    expect(body).toContain('・覚書（署名・押印したもの）');
    expect(body).toContain('・謝金受取口座届出書');
  });

  test('in a both-languages message each half gets the values of its own language', () => {
    const ja = pickTemplate(DEFAULT_TEMPLATES, 'application.rejected', 'ja');
    const en = pickTemplate(DEFAULT_TEMPLATES, 'application.rejected', 'en');
    const { body } = renderEmail(combineTemplates(ja, en), {
      name: 'Ana',
      responseId: 'r',
      supportDate: dayText('2024-07-30'),
      reasons: reasonLines(['LATE']),
      officeContact: OFFICE,
    });
    const [jaPart, enPart] = body.split(BOTH_SEPARATOR);
    expect(jaPart).toContain(REASONS.LATE.text.ja);
    expect(jaPart).toContain('2024年7月30日');
    expect(jaPart).not.toContain(REASONS.LATE.text.en);
    expect(enPart).toContain(REASONS.LATE.text.en);
    expect(enPart).toContain('30 July 2024');
    expect(enPart).not.toContain(REASONS.LATE.text.ja);
  });
});

describe('pickTemplate', () => {
  const ja = tpl('k', 'ja', 'S-ja', 'B-ja');
  const en = tpl('k', 'en', 'S-en', 'B-en');
  const both = tpl('k', 'both', 'S-both', 'B-both');

  test('the member’s answer is read as ja or en whichever way it is written', () => {
    expect(['日本語', 'Japanese', 'ja', ' JA '].map(emailLanguage)).toEqual([
      'ja',
      'ja',
      'ja',
      'ja',
    ]);
    expect(['English', '英語', 'en', 'English / 英語'].map(emailLanguage)).toEqual([
      'en',
      'en',
      'en',
      'en',
    ]);
    expect(emailLanguage('Tiếng Việt')).toBe('tiếng việt');
  });

  test('the member’s language wins, then a both-languages template, then one built from ja and en', () => {
    expect(pickTemplate([ja, en, both], 'k', 'English')).toBe(en);
    expect(pickTemplate([ja, en, both], 'k', 'Español')).toBe(both);
    const built = pickTemplate([ja, en], 'k', 'Español');
    expect(built.lang).toBe('both');
    expect(built.subject).toBe('S-ja / S-en');
    expect(built.body.indexOf('B-ja')).toBeLessThan(built.body.indexOf('B-en'));
  });

  test('a template staff added for another language is used for members who chose it', () => {
    const vi = tpl('k', 'Tiếng Việt', 'S-vi', 'B-vi');
    expect(pickTemplate([ja, en, vi], 'k', 'Tiếng Việt')).toBe(vi);
  });

  test('a row with an empty body counts as absent', () => {
    const emptyEn = tpl('k', 'en', 'S-en', '  ');
    expect(pickTemplate([ja, emptyEn, both], 'k', 'en')).toBe(both);
  });

  test('with only one language left, that one is used rather than sending nothing', () => {
    expect(pickTemplate([ja], 'k', 'en')).toBe(ja);
  });

  test('a key with no template at all throws an error naming the key', () => {
    expect(() => pickTemplate([ja], 'other.key', 'ja')).toThrow(/"other\.key"/);
  });
});

describe('renderEmail', () => {
  test('answers are HTML-escaped in the HTML body and kept as given in the plain body (R25)', () => {
    const name = `<script>alert("x")</script> & O'Brien`;
    const t = tpl('k', 'en', 'Hello {{name}}', 'Dear {{name}},');
    const out = renderEmail(t, { name });
    expect(out.body).toBe(`Dear ${name},`);
    expect(out.htmlBody).not.toContain('<script>');
    expect(out.htmlBody).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien',
    );
  });

  test('newlines become <br> and the template’s own URLs become links', () => {
    const t = tpl('k', 'en', 's', 'See https://example.org/guide.\nThanks');
    const { htmlBody } = renderEmail(t, {});
    expect(htmlBody).toContain(
      'See <a href="https://example.org/guide">https://example.org/guide</a>.<br>Thanks',
    );
  });

  test('the form link variable becomes a link; a URL typed in an answer never does', () => {
    const t = tpl('k', 'en', 's', '{{applicationFormUrl}}\nFrom {{name}}');
    const { htmlBody } = renderEmail(t, {
      applicationFormUrl: FORM,
      name: 'https://evil.example/x',
    });
    expect(htmlBody).toContain(`<a href="${FORM}">${FORM}</a>`);
    expect(htmlBody).toContain('From https://evil.example/x');
    expect(htmlBody).not.toContain('href="https://evil.example');
  });

  test('a URL variable carrying quotes or markup is escaped, not linked', () => {
    const t = tpl('k', 'en', 's', 'Sheet: {{sheetUrl}}');
    const { htmlBody } = renderEmail(t, { sheetUrl: 'https://x.example/" onmouseover="alert(1)' });
    expect(htmlBody).not.toContain('<a ');
    expect(htmlBody).toContain('&quot; onmouseover=&quot;alert(1)');
  });

  test('an unknown placeholder stays visible and is reported as missing', () => {
    const t = tpl('k', 'en', 'About {{topic}}', 'Hi {{name}}, your code is {{code}}. {{code}}');
    const out = renderEmail(t, { name: 'Ana' });
    expect(out.subject).toBe('About {{topic}}');
    expect(out.body).toBe('Hi Ana, your code is {{code}}. {{code}}');
    expect(out.missing).toEqual(['code', 'topic']);
  });

  test('a list value is written one item per line, each with the bullet and indentation of its line', () => {
    const t = tpl('k', 'en', 's', 'Reasons:\n  - {{reasons}}\nEnd');
    const { body, htmlBody } = renderEmail(t, { reasons: ['one', 'two'] });
    expect(body).toBe('Reasons:\n  - one\n  - two\nEnd');
    // HTML would collapse the leading spaces: they are kept as &nbsp;.
    expect(htmlBody).toContain('Reasons:<br>&nbsp;&nbsp;- one<br>&nbsp;&nbsp;- two<br>End');
  });

  test('a list inside a sentence is still one item per line', () => {
    const t = tpl('k', 'en', 's', 'IDs: {{ids}}.');
    expect(renderEmail(t, { ids: ['BN-00001', 'BN-00002'] }).body).toBe('IDs: BN-00001\nBN-00002.');
  });

  test('the subject never contains CR or LF, whatever a value holds (no header injection)', () => {
    const t = tpl('k', 'en', 'Welcome {{name}}', 'b');
    const { subject } = renderEmail(t, { name: 'Ana\r\nBcc: victim@example.org\n' });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('Welcome Ana Bcc: victim@example.org');
  });

  test('Windows line ends in a template from the sheet render as single lines', () => {
    const t = tpl('k', 'en', 's', 'a\r\nb');
    expect(renderEmail(t, {}).body).toBe('a\nb');
  });

  test('a placeholder named like an Object property is unknown, not a function', () => {
    const out = renderEmail(tpl('k', 'en', 's', '{{constructor}}'), {});
    expect(out.body).toBe('{{constructor}}');
    expect(out.missing).toEqual(['constructor']);
  });
});

describe('formatYen', () => {
  test('Japanese puts 円 after the amount, English ¥ before it, both with thousands separators', () => {
    expect(formatYen(4000, 'ja')).toBe('4,000円');
    expect(formatYen(4000, 'en')).toBe('¥4,000');
    expect(formatYen(1234567, 'ja')).toBe('1,234,567円');
    expect(formatYen(0, 'en')).toBe('¥0');
    expect(formatYen(-8000, 'ja')).toBe('-8,000円');
  });

  test('an amount that is not a finite number is shown as it is, never dressed as yen (no 円, no ¥)', () => {
    expect(formatYen(Number.NaN, 'ja')).toBe('NaN');
    expect(formatYen(Number.NaN, 'en')).toBe('NaN');
    expect(formatYen(Number.POSITIVE_INFINITY, 'ja')).toBe('Infinity');
  });
});

describe('a subject in both languages', () => {
  test('takes the Japanese value before the first " / " and the English one after it', () => {
    const ja = DEFAULT_TEMPLATES.find((t) => t.key === 'staff.alert' && t.lang === 'ja')!;
    const en = DEFAULT_TEMPLATES.find((t) => t.key === 'staff.alert' && t.lang === 'en')!;
    const mail = renderEmail(combineTemplates(ja, en), {
      title: { ja: 'トリガーがありません', en: 'A trigger is missing' },
      message: { ja: '設定してください。', en: 'Please set it up.' },
      details: '',
      sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
    });
    expect(mail.subject).toBe(
      '【伴走ネット】要確認: トリガーがありません / Bansou Net: please check: A trigger is missing',
    );
  });
});

describe('the facts behind the reasons (R17)', () => {
  test('each reason that has facts gets one line per language, with its values filled in', () => {
    const lines = factLines(['LATE', 'TOO_SHORT', 'NOT_SELF'], {
      supportDate: { ja: '2024年7月14日', en: '14 July 2024' },
      dueDate: { ja: '2024年8月14日', en: '14 August 2024' },
      submittedOn: { ja: '2024年8月20日', en: '20 August 2024' },
      minutes: '45',
      minMinutes: '60',
    });
    expect(lines).toEqual({
      ja: [
        '支援日: 2024年7月14日／申請の期限: 2024年8月14日／申請日: 2024年8月20日',
        '数えた支援時間: 45分（最低 60分）',
      ],
      en: [
        'Date of support: 14 July 2024; deadline: 14 August 2024; submitted on: 20 August 2024',
        'Support time counted: 45 minutes (minimum 60 minutes)',
      ],
    });
  });

  test('a fact whose value is unknown is left out rather than shown half empty', () => {
    expect(factLines(['TOO_SHORT'], { minMinutes: '60' })).toEqual({ ja: [], en: [] });
  });

  test('a refused share is explained to the second supporter as the reader', () => {
    expect(shareReasonLines(['LATE', 'CO_NOT_ELIGIBLE']).en).toEqual([
      'At the time of the application, you had neither declared previous accompanying-support experience nor completed the required course questionnaires.',
    ]);
  });
});
