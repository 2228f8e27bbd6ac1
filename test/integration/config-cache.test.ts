// The cached Settings and Templates (src/adapters/settings-store.ts): form-submit triggers use the
// copy kept in Script Properties for 6 hours; a read after that reads both sheets again and keeps
// the cache as it is when nothing changed (only its time renewed), or writes it again when
// something did. Checked through the built bundle, with a change made by another script (no
// onEdit trigger drops the cache then), so only the cache's own comparisons can see it.
import { freshGlobalsInThisFile, office, tokyo, uncounted } from './helpers';

// Each execution starts with a fresh global scope, as in Apps Script (helpers.ts).
freshGlobalsInThisFile();

type Office = ReturnType<typeof office>;

const chunks = (o: Office): string[] => {
  const store = o.rt.properties.script;
  const count = Number(store.get('config.chunks'));
  return Array.from({ length: count }, (_, i) => store.get(`config.${i}`) ?? '');
};

const replyTo = (o: Office, to: string) => o.rt.mail.outbox.filter((m) => m.to[0] === to).at(-1)!;

/** Changes a line of the English registration reply the way another script would. */
function scriptEditsReply(o: Office, from: string, to: string): void {
  uncounted(o, () => {
    const sheet = o.ss.getSheetByName('Templates')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'registration.reply' && r[1] === 'en');
    const body = String(values[row][3]);
    expect(body).toContain(from);
    sheet.getRange(row + 1, 4).setValue(body.replace(from, to));
  });
}

describe('the cached Settings and Templates', () => {
  test('a read after 6 hours keeps the cache when nothing changed, and writes it again when a template did; the next trigger uses the new text', () => {
    const o = office({ start: tokyo('2024-07-01T09:00:00') });
    o.register({ email: 'a@example.org', name: 'Aiko', language: 'English' });
    const first = chunks(o);
    const firstAt = o.rt.properties.script.get('config.at');
    expect(first.join('')).toContain('registration.reply');

    // Nothing changed: after 7 hours the sheets are read again, the cache is kept, its time renewed.
    o.at('2024-07-01T16:30:00');
    o.register({ email: 'b@example.org', name: 'Ben', language: 'English' });
    expect(chunks(o)).toEqual(first);
    expect(Number(o.rt.properties.script.get('config.at'))).toBeGreaterThan(Number(firstAt));

    const closing = 'This email was sent automatically in reply to your registration.';
    expect(replyTo(o, 'b@example.org').body).toContain(closing);
    scriptEditsReply(o, closing, 'Welcome aboard!');
    // Within the 6 hours the cached text is used: the edit is not seen yet.
    o.at('2024-07-01T18:00:00');
    o.register({ email: 'c@example.org', name: 'Chie', language: 'English' });
    expect(replyTo(o, 'c@example.org').body).toContain(closing);

    // After them the sheets are read again: the changed template is written to the cache…
    o.at('2024-07-02T00:00:00');
    o.register({ email: 'd@example.org', name: 'Dan', language: 'English' });
    expect(chunks(o).join('')).toContain('Welcome aboard!');
    expect(replyTo(o, 'd@example.org').body).toContain('Welcome aboard!');
    expect(replyTo(o, 'd@example.org').body).not.toContain(closing);
    // …and the next trigger, which uses the cache, reads the new text from it.
    o.at('2024-07-02T01:00:00');
    o.register({ email: 'e@example.org', name: 'Eri', language: 'English' });
    expect(replyTo(o, 'e@example.org').body).toContain('Welcome aboard!');
  });
});
