// The staff guide (docs/guide.ja.md, docs/guide.en.md) against the product: every setting and
// reason code is covered, the reason sentences are the ones the decision emails use, the
// generated sections and the pictures are what scripts/docs.ts makes today.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GUIDE_FILES,
  generatedSections,
  IMAGE_DIR,
  type Lang,
  PICTURES,
  readGenerated,
  renderPictures,
} from '../scripts/docs';
import { DEFAULT_TEMPLATES } from '../src/domain/default-templates';
import { REASON_CODES, REASONS } from '../src/domain/reasons';
import { SETTINGS_SPEC } from '../src/domain/settings';
import { pickTemplate, reasonLines, renderEmail } from '../src/domain/templates';

const LANGS: Lang[] = ['ja', 'en'];
const guide = (lang: Lang) => readFileSync(GUIDE_FILES[lang], 'utf8');

/** Every `code` span of a Markdown text. */
const codeSpans = (text: string) => new Set(Array.from(text.matchAll(/`([^`\n]+)`/g), (m) => m[1]));

/** The reasons table of a guide: reason code → the sentence in its last column. */
function reasonTable(text: string): Map<string, string> {
  const section = readGenerated(text).reasons ?? '';
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`([A-Z_]+)`$/.exec(cells[1] ?? '');
    if (code) out.set(code[1], cells[cells.length - 2]);
  }
  return out;
}

describe.each(LANGS)('the %s guide', (lang) => {
  test('names every key of the Settings sheet (SETTINGS_SPEC)', () => {
    const spans = codeSpans(guide(lang));
    const missing = SETTINGS_SPEC.map((s) => s.key).filter((key) => !spans.has(key));
    expect(missing).toEqual([]);
  });

  test('names every reason code (REASON_CODES)', () => {
    const spans = codeSpans(guide(lang));
    expect(REASON_CODES.filter((code) => !spans.has(code))).toEqual([]);
  });

  test('gives every reason code the exact sentence of REASONS, which the emails use', () => {
    const text = guide(lang);
    for (const code of REASON_CODES) expect(text).toContain(REASONS[code].text[lang]);
    const table = reasonTable(text);
    expect([...table.keys()]).toEqual([...REASON_CODES]);
    for (const code of REASON_CODES) expect(table.get(code)).toBe(REASONS[code].text[lang]);
  });

  test('explains each reason with the words a rejection email actually contains', () => {
    const template = pickTemplate(DEFAULT_TEMPLATES, 'application.rejected', lang);
    for (const [code, sentence] of reasonTable(guide(lang))) {
      const mail = renderEmail(template, { reasons: reasonLines([code as never]) });
      expect(mail.body).toContain(sentence);
    }
  });

  test('has its generated sections exactly as scripts/docs.ts makes them now', () => {
    const inFile = readGenerated(guide(lang));
    const fresh = generatedSections(lang);
    expect(Object.keys(inFile).sort()).toEqual(Object.keys(fresh).sort());
    for (const [name, body] of Object.entries(fresh))
      expect({ name, body: inFile[name] }).toEqual({ name, body });
  });

  test('shows only pictures that exist, and every picture the script draws', () => {
    const refs = Array.from(guide(lang).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g), (m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs)
      expect({ ref, exists: existsSync(join(GUIDE_FILES[lang], '..', ref)) }).toEqual({
        ref,
        exists: true,
      });
    expect(new Set(refs)).toEqual(new Set(Object.keys(PICTURES).map((f) => `images/${f}`)));
  });
});

describe('the pictures of the sheets (drawn from the demo on the built bundle)', () => {
  const pictures = renderPictures();

  test('are the files in docs/images, as the demo draws them today', () => {
    for (const [file, svg] of pictures) {
      const path = join(IMAGE_DIR, file);
      expect({ file, same: existsSync(path) && readFileSync(path, 'utf8') === svg }).toEqual({
        file,
        same: true,
      });
    }
  });

  test('show the status colours of the Applications sheet and yen amounts as Sheets displays them', () => {
    const apps = pictures.get('applications.svg')!;
    for (const colour of ['#d9ead3', '#f4cccc', '#fff2cc'])
      expect(apps).toContain(`fill="${colour}"`);
    expect(apps).toContain('>¥8,000<');
    expect(apps).toContain('>NOT_ELIGIBLE<');
    const payments = pictures.get('payments.svg')!;
    expect(payments).toContain('>¥12,000<');
    expect(payments).toContain('font-weight="bold"');
  });
});
