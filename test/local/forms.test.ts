import { join } from 'node:path';
import { LocalRuntime } from '../../local/runtime';
import { RuntimeContext } from '../../local/runtime/context';
import { FormService, type FormSpec } from '../../local/runtime/forms';

// The error texts, written here by hand (the runtime marks them unverified: the Forms reference
// says these calls throw, not with which words).
const NO_ITEM_WITH_ID =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
const INVALID_URL = 'Invalid argument: url';
const NO_DESTINATION = 'The form currently has no response destination.';

const BUNDLE = join(__dirname, 'fixtures', 'runtime', 'Code.js');
const START = Date.UTC(2024, 6, 10, 1, 0); // 2024-07-10 10:00 in Tokyo

const APPLICATION: FormSpec = {
  title: 'Application',
  collectsEmail: true,
  items: [
    { title: 'Bansou Net ID', type: 'TEXT', required: true },
    { title: 'Support date', type: 'DATE' },
    { title: 'Start time', type: 'TIME' },
    { title: 'Submitted at', type: 'DATETIME' },
    { title: 'Issues', type: 'CHECKBOX', choices: ['Medical', 'School', 'Housing'] },
    { title: 'Prefecture', type: 'LIST', choices: ['Tokyo', 'Osaka'] },
    { title: 'Description', type: 'PARAGRAPH_TEXT' },
  ],
};

function service() {
  const ctx = new RuntimeContext({ now: START, timeZone: 'Asia/Tokyo' });
  return { ctx, forms: new FormService(ctx) };
}

/** A runtime with the fixture bundle, a spreadsheet and the application form linked to it. */
function linked(spec: Partial<FormSpec> = {}) {
  const runtime = new LocalRuntime({ start: START });
  runtime.load(BUNDLE);
  const spreadsheet = runtime.sheets.createSpreadsheet('Bansou Net');
  const form = runtime.forms.createForm({
    ...APPLICATION,
    ...spec,
    destinationSpreadsheetId: spreadsheet.getId(),
  });
  return { runtime, spreadsheet, form };
}

function events(runtime: LocalRuntime) {
  return runtime.logs
    .messages()
    .filter((m) => m.startsWith('{'))
    .map((m) => JSON.parse(m));
}

function responseSheetValues(runtime: LocalRuntime, spreadsheetId: string): unknown[][] {
  const enabled = runtime.ctx.counter.enabled;
  runtime.ctx.counter.enabled = false;
  try {
    return runtime.sheets
      .openById(spreadsheetId)
      .getSheetByName('Form Responses 1')!
      .getDataRange()
      .getValues();
  } finally {
    runtime.ctx.counter.enabled = enabled;
  }
}

describe('FormApp', () => {
  test('openById finds the form; an unknown id throws the "No item with the given ID" error', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    expect(forms.openById(form.getId()).getTitle()).toBe('Application');
    expect(() => forms.openById('missing')).toThrow(NO_ITEM_WITH_ID);
  });

  test('openByUrl opens the edit URL only: the published viewform link and the forms.gle short link fail (FormApp.openByUrl)', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    expect(forms.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(() => forms.openByUrl(form.getPublishedUrl())).toThrow(NO_ITEM_WITH_ID);
    expect(form.getPublishedUrl()).toMatch(/\/forms\/d\/e\/.+\/viewform$/);
    const short = form.shortenFormUrl(form.getPublishedUrl());
    expect(short).toMatch(/^https:\/\/forms\.gle\//);
    expect(() => forms.openByUrl(short)).toThrow(INVALID_URL);
  });

  test('getActiveForm is null for a script bound to a spreadsheet', () => {
    expect(service().forms.getActiveForm()).toBeNull();
  });

  test('create() and the add…Item methods build a form whose items keep their order, type and choices', () => {
    const { forms } = service();
    const form = forms.create('Course');
    form.addTextItem().setTitle('ID').setRequired(true);
    form.addMultipleChoiceItem().setTitle('Module').setChoiceValues(['Basic 1', 'Basic 2']);
    form.addDateItem().setTitle('Done on');
    const items = form.getItems();
    expect(items.map((i) => [i.getIndex(), i.getTitle(), i.getType()])).toEqual([
      [0, 'ID', 'TEXT'],
      [1, 'Module', 'MULTIPLE_CHOICE'],
      [2, 'Done on', 'DATE'],
    ]);
    expect(items[0].isRequired()).toBe(true);
    expect(
      items[1]
        .asMultipleChoiceItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['Basic 1', 'Basic 2']);
    expect(form.getItems(forms.ItemType.DATE).map((i) => i.getTitle())).toEqual(['Done on']);
    expect(form.getItemById(items[2].getId())?.getTitle()).toBe('Done on');
  });

  test('deleteItem and moveItem (Class Form): the item goes with its answers, the others keep theirs; moved items change index', () => {
    const { forms } = service();
    const form = forms.create('Course');
    form.addTextItem().setTitle('ID');
    form.addTextItem().setTitle('Note');
    form.addDateItem().setTitle('Done on');
    const response = forms.submit(form, { answers: { ID: 'BN-00001', Note: 'x' } });
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['ID', 'Done on']);
    expect(
      form
        .getResponse(response.getId())
        .getItemResponses()
        .map((r) => r.getItem().getTitle()),
    ).toEqual(['ID']);
    const moved = form.moveItem(form.getItems()[1], 0);
    expect(moved.getTitle()).toBe('Done on');
    expect(form.getItems().map((i) => [i.getIndex(), i.getTitle()])).toEqual([
      [0, 'Done on'],
      [1, 'ID'],
    ]);
    form.deleteItem(0);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['ID']);
    expect(() => form.deleteItem(5)).toThrow('Invalid argument: index');
  });

  test('asTextItem on a checkbox item throws: a cast needs the right item type', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    const issues = form.getItems(forms.ItemType.CHECKBOX)[0];
    expect(() => issues.asTextItem()).toThrow();
    expect(() => issues.asCheckboxItem()).not.toThrow();
  });

  test('getDestinationId throws "The form currently has no response destination." when none is set', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    expect(() => form.getDestinationId()).toThrow(NO_DESTINATION);
  });

  test('every FormApp call is a Forms round trip', () => {
    const { ctx, forms } = service();
    const form = forms.createForm(APPLICATION);
    form.getItems();
    form.getTitle();
    expect(ctx.counter.counts.calls.Forms).toBe(2);
  });
});

describe('FormResponse', () => {
  test('answers are typed as Forms gives them: text string, checkbox string[], date yyyy-MM-dd, time HH:mm, datetime yyyy-MM-dd HH:mm', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    const response = forms.submit(form, {
      email: 'a@example.org',
      answers: {
        'Bansou Net ID': 'BN-00001',
        'Support date': '2024-07-09',
        'Start time': '09:30',
        'Submitted at': '2024-07-10 08:15',
        Issues: ['Housing', 'Medical'],
      },
    });
    const answers = response
      .getItemResponses()
      .map((r) => [r.getItem().getTitle(), r.getResponse()]);
    expect(answers).toEqual([
      ['Bansou Net ID', 'BN-00001'],
      ['Support date', '2024-07-09'],
      ['Start time', '09:30'],
      ['Submitted at', '2024-07-10 08:15'],
      // The reference promises no order for ticked boxes: the runtime gives the reverse of
      // the choices' order by default, so code that relies on an order shows up (#17).
      ['Issues', ['Housing', 'Medical']],
    ]);
  });

  test("checkbox answers in the choices' order when the runtime is asked for it", () => {
    const { ctx, forms } = service();
    ctx.checkboxOrder = 'choice';
    const form = forms.createForm(APPLICATION);
    const response = forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-00001', Issues: ['Housing', 'Medical'] },
    });
    const issues = response.getItemResponses().find((r) => r.getItem().getTitle() === 'Issues');
    expect(issues!.getResponse()).toEqual(['Medical', 'Housing']);
  });

  test('getItemResponses lists only the answered questions, in form order', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    const response = forms.submit(form, {
      email: 'a@example.org',
      answers: { Prefecture: 'Osaka', 'Bansou Net ID': 'BN-00002', Description: '' },
    });
    expect(response.getItemResponses().map((r) => r.getItem().getTitle())).toEqual([
      'Bansou Net ID',
      'Prefecture',
    ]);
    const description = form.getItems().find((i) => i.getTitle() === 'Description')!;
    expect(response.getResponseForItem(description)).toBeNull();
  });

  test('getRespondentEmail is the address when the form collects emails, and "" when it does not', () => {
    const { forms } = service();
    const collecting = forms.createForm(APPLICATION);
    const open = forms.createForm({ ...APPLICATION, collectsEmail: false });
    const answers = { 'Bansou Net ID': 'BN-1' };
    expect(forms.submit(collecting, { email: 'a@example.org', answers }).getRespondentEmail()).toBe(
      'a@example.org',
    );
    expect(forms.submit(open, { email: 'a@example.org', answers }).getRespondentEmail()).toBe('');
  });

  test('getTimestamp is a Date at the submission time', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    const response = forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-1' },
      at: START + 5000,
    });
    expect(Object.prototype.toString.call(response.getTimestamp())).toBe('[object Date]');
    expect(response.getTimestamp().getTime()).toBe(START + 5000);
    expect(form.getResponse(response.getId()).getId()).toBe(response.getId());
  });

  test('submit refuses answers the form could not take: unknown question, bad date, bad time, a value that is not a choice, a missing required answer', () => {
    const { forms } = service();
    const form = forms.createForm(APPLICATION);
    const base = { 'Bansou Net ID': 'BN-1' };
    const submit = (answers: Record<string, string | string[]>) => () =>
      forms.submit(form, { email: 'a@example.org', answers });
    expect(submit({ ...base, 'Renamed question': 'x' })).toThrow(/no question/);
    expect(submit({ ...base, 'Support date': '2024/07/09' })).toThrow(/yyyy-MM-dd/);
    expect(submit({ ...base, 'Support date': '2024-02-30' })).toThrow(/yyyy-MM-dd/);
    expect(submit({ ...base, 'Start time': '9:30' })).toThrow(/HH:mm/);
    expect(submit({ ...base, Prefecture: 'Kyoto' })).toThrow(/not a choice/);
    expect(submit({ ...base, Issues: ['Food'] })).toThrow(/not a choice/);
    expect(submit({ Description: 'no id' })).toThrow(/required/);
  });

  test('editing a response keeps its ID and rewrites its timestamp (reported)', () => {
    const { ctx, forms } = service();
    const form = forms.createForm(APPLICATION);
    const first = forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-1' },
    });
    ctx.clock.advance(3_600_000);
    const edited = forms.editResponse(first.getId(), { answers: { 'Bansou Net ID': 'BN-2' } });
    expect(edited.getId()).toBe(first.getId());
    expect(edited.getTimestamp().getTime()).toBe(START + 3_600_000);
    expect(form.getResponses()).toHaveLength(1);
    expect(form.getResponses()[0].getItemResponses()[0].getResponse()).toBe('BN-2');
    // A response object fetched before the edit is a snapshot.
    expect(first.getItemResponses()[0].getResponse()).toBe('BN-1');
  });

  test('getResponses(timestamp): the responses at or after it, oldest first, edited ones at their new time', () => {
    const { ctx, forms } = service();
    const form = forms.createForm(APPLICATION);
    const send = (id: string, at: number) =>
      forms.submit(form, { email: 'a@example.org', answers: { 'Bansou Net ID': id }, at }).getId();
    const ids = (list: { getId(): string }[]) => list.map((r) => r.getId());
    const a = send('A', START);
    const b = send('B', START + 2_000);
    const c = send('C', START + 2_000); // the same second as B: after it, in submission order
    const early = send('E', START - 1_000); // submitted with an earlier time
    expect(ids(form.getResponses())).toEqual([early, a, b, c]);
    ctx.clock.advance(3_600_000);
    forms.editResponse(a, { answers: { 'Bansou Net ID': 'A2' } });
    expect(ids(form.getResponses())).toEqual([early, b, c, a]);
    expect(ids(form.getResponses(new Date(START + 2_000)))).toEqual([b, c, a]);
    expect(ids(form.getResponses(new Date(START + 2_001)))).toEqual([a]);
    expect(ids(form.getResponses(new Date(START + 3_600_001)))).toEqual([]);
    const d = send('D', START + 3_600_000);
    expect(ids(form.getResponses(new Date(START + 3_600_000)))).toEqual([a, d]);
    expect(form.getResponse(b).getItemResponses()[0].getResponse()).toBe('B');
    form.deleteAllResponses();
    expect(form.getResponses()).toEqual([]);
    expect(() => form.getResponse(b)).toThrow(NO_ITEM_WITH_ID);
    const f = send('F', START);
    expect(ids(form.getResponses())).toEqual([f]);
  });

  test('an edit to the time of a later submission comes before it (the same time: submission order)', () => {
    const { ctx, forms } = service();
    const form = forms.createForm(APPLICATION);
    const now = ctx.clock.now();
    const send = (id: string, at: number) =>
      forms.submit(form, { email: 'a@example.org', answers: { 'Bansou Net ID': id }, at }).getId();
    const ids = (list: { getId(): string }[]) => list.map((r) => r.getId());
    const a = send('A', now - 2_000);
    const b = send('B', now - 1_000);
    const p = send('P', now + 5_000);
    const q = send('Q', now + 5_000);
    expect(ids(form.getResponses())).toEqual([a, b, p, q]);
    ctx.clock.advance(5_000);
    forms.editResponse(b, { answers: { 'Bansou Net ID': 'B2' } });
    expect(ids(form.getResponses())).toEqual([a, b, p, q]);
    forms.editResponse(a, { answers: { 'Bansou Net ID': 'A2' } });
    expect(ids(form.getResponses())).toEqual([a, b, p, q]);
    ctx.clock.advance(1_000);
    forms.editResponse(a, { answers: { 'Bansou Net ID': 'A3' } });
    expect(ids(form.getResponses())).toEqual([b, p, q, a]);
    expect(ids(form.getResponses(new Date(now + 5_000)))).toEqual([b, p, q, a]);
  });
});

describe('form-submit triggers', () => {
  test('the event object has authMode FULL, response, source (the form) and triggerUid', () => {
    const { runtime, form } = linked();
    const uid = runtime.run('installFormTrigger', form.getId());
    const response = runtime.forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-00001' },
    });
    const [event] = events(runtime);
    expect(event).toMatchObject({
      keys: ['authMode', 'response', 'source', 'triggerUid'],
      authMode: 'FULL',
      triggerUid: uid,
      formId: form.getId(),
      responseId: response.getId(),
      email: 'a@example.org',
      answers: [['Bansou Net ID', 'BN-00001']],
    });
  });

  test('twice: the same response reaches the trigger two times (reported duplicate delivery)', () => {
    const { runtime, form } = linked();
    runtime.run('installFormTrigger', form.getId());
    runtime.forms.submit(
      form,
      { email: 'a@example.org', answers: { 'Bansou Net ID': 'BN-1' } },
      { twice: true },
    );
    const delivered = events(runtime);
    expect(delivered).toHaveLength(2);
    expect(delivered[0].responseId).toBe(delivered[1].responseId);
  });

  test('drop: the response is stored and written to the sheet, but no trigger runs', () => {
    const { runtime, form, spreadsheet } = linked();
    runtime.run('installFormTrigger', form.getId());
    runtime.forms.submit(
      form,
      { email: 'a@example.org', answers: { 'Bansou Net ID': 'BN-1' } },
      { drop: true },
    );
    expect(events(runtime)).toHaveLength(0);
    expect(form.getResponses()).toHaveLength(1);
    expect(responseSheetValues(runtime, spreadsheet.getId())).toHaveLength(2);
  });

  test('a disabled form trigger does not run', () => {
    const { runtime, form } = linked();
    const uid = runtime.run('installFormTrigger', form.getId()) as string;
    runtime.disableTrigger(uid);
    runtime.forms.submit(form, { email: 'a@example.org', answers: { 'Bansou Net ID': 'BN-1' } });
    expect(events(runtime)).toHaveLength(0);
  });

  test('lateRow: the trigger runs before the response-sheet row exists; the row arrives afterwards (reported)', () => {
    const { runtime, form, spreadsheet } = linked();
    runtime.run('installFormTrigger', form.getId());
    runtime.forms.submit(
      form,
      { email: 'a@example.org', answers: { 'Bansou Net ID': 'BN-1' } },
      { lateRow: true },
    );
    expect(events(runtime)[0].rows).toBe(1); // only the header
    expect(runtime.forms.pendingLateRows()).toBe(1);
    runtime.advanceBy(1000);
    expect(runtime.forms.pendingLateRows()).toBe(0);
    expect(responseSheetValues(runtime, spreadsheet.getId())).toHaveLength(2);
  });

  test('an edit fires the trigger again with the same response ID and a new timestamp', () => {
    const { runtime, form } = linked();
    runtime.run('installFormTrigger', form.getId());
    const response = runtime.forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-1' },
    });
    runtime.advanceBy(60_000);
    runtime.forms.editResponse(response.getId(), { answers: { 'Bansou Net ID': 'BN-9' } });
    const [first, second] = events(runtime);
    expect(second.responseId).toBe(first.responseId);
    expect(second.timestamp).toBe(first.timestamp + 60_000);
    expect(second.answers).toEqual([['Bansou Net ID', 'BN-9']]);
  });
});

describe('a spreadsheet-bound form-submit trigger', () => {
  test('gets e.values, e.namedValues and e.range (the new row) instead of e.response (Event objects reference)', () => {
    const { runtime, form, spreadsheet } = linked({ collectsEmail: false });
    runtime.script.newTrigger('logSheetEvent').forSpreadsheet(spreadsheet).onFormSubmit().create();
    runtime.forms.submit(form, {
      answers: { 'Bansou Net ID': 'BN-00001', Issues: ['Medical', 'School'] },
    });
    const [event] = events(runtime);
    expect(event.keys).toEqual([
      'authMode',
      'namedValues',
      'range',
      'source',
      'triggerUid',
      'values',
    ]);
    expect(event.row).toBe(2);
    expect(event.values[1]).toBe('BN-00001');
    expect(event.namedValues['Bansou Net ID']).toEqual(['BN-00001']);
    expect(event.namedValues.Issues).toEqual(['Medical, School']);
  });

  test('with lateRow it fires only when the row reaches the sheet', () => {
    const { runtime, form, spreadsheet } = linked({ collectsEmail: false });
    runtime.script.newTrigger('logSheetEvent').forSpreadsheet(spreadsheet).onFormSubmit().create();
    runtime.forms.submit(form, { answers: { 'Bansou Net ID': 'BN-1' } }, { lateRow: true });
    expect(events(runtime)).toHaveLength(0);
    runtime.advanceBy(0);
    expect(events(runtime)).toHaveLength(1);
  });
});

describe('the response sheet Google writes', () => {
  test('"Form Responses 1" has Timestamp, Email Address, then one column per question; values typed as Sheets stores them', () => {
    const { runtime, form, spreadsheet } = linked();
    runtime.resetCounts();
    runtime.forms.submit(form, {
      email: 'a@example.org',
      answers: {
        'Bansou Net ID': 'BN-00001',
        'Support date': '2024-07-09',
        'Start time': '09:30',
        Issues: ['Medical', 'Housing'],
      },
    });
    // Google writes the sheet, not the script: nothing is counted.
    expect(runtime.counts().calls.Spreadsheet).toBe(0);
    const [header, row] = responseSheetValues(runtime, spreadsheet.getId());
    expect(header).toEqual([
      'Timestamp',
      'Email Address',
      'Bansou Net ID',
      'Support date',
      'Start time',
      'Submitted at',
      'Issues',
      'Prefecture',
      'Description',
    ]);
    expect((row[0] as Date).getTime()).toBe(START);
    expect(row[1]).toBe('a@example.org');
    expect(row[2]).toBe('BN-00001');
    // 2024-07-09 00:00 in Tokyo.
    expect((row[3] as Date).getTime()).toBe(Date.UTC(2024, 6, 8, 15, 0));
    // A time-only cell is a Date on 1899-12-30 (09:30 Tokyo).
    expect((row[4] as Date).getTime()).toBe(Date.UTC(1899, 11, 30, 0, 30));
    expect(row[5]).toBe('');
    expect(row[6]).toBe('Medical, Housing');
  });

  test('without email collection there is no Email Address column', () => {
    const { runtime, spreadsheet } = linked({ collectsEmail: false });
    const [header] = responseSheetValues(runtime, spreadsheet.getId());
    expect(header.slice(0, 2)).toEqual(['Timestamp', 'Bansou Net ID']);
  });

  test('an edited response updates its row in place', () => {
    const { runtime, form, spreadsheet } = linked();
    const response = runtime.forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-1' },
    });
    runtime.forms.submit(form, { email: 'b@example.org', answers: { 'Bansou Net ID': 'BN-2' } });
    runtime.forms.editResponse(response.getId(), { answers: { 'Bansou Net ID': 'BN-7' } });
    const values = responseSheetValues(runtime, spreadsheet.getId());
    expect(values).toHaveLength(3);
    expect(values.slice(1).map((r) => r[2])).toEqual(['BN-7', 'BN-2']);
  });

  test('removeDestination (Sheets: Form → Unlink form) leaves the response sheet with its rows and no form (getFormUrl null); later responses stay only in the form, and deleting the sheet loses none', () => {
    const { runtime, form, spreadsheet } = linked();
    const first = runtime.forms.submit(form, {
      email: 'a@example.org',
      answers: { 'Bansou Net ID': 'BN-1' },
    });
    const sheet = runtime.sheets.openById(spreadsheet.getId()).getSheetByName('Form Responses 1')!;
    expect(sheet.getFormUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    form.removeDestination();
    expect(sheet.getFormUrl()).toBeNull();
    expect(() => form.getDestinationId()).toThrow(NO_DESTINATION);
    runtime.forms.submit(form, { email: 'b@example.org', answers: { 'Bansou Net ID': 'BN-2' } });
    runtime.forms.editResponse(first.getId(), { answers: { 'Bansou Net ID': 'BN-7' } });
    // The sheet keeps what it had when it was unlinked: no new row, no edit.
    expect(
      responseSheetValues(runtime, spreadsheet.getId())
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['BN-1']);
    spreadsheet.deleteSheet(sheet);
    runtime.forms.submit(form, { email: 'c@example.org', answers: { 'Bansou Net ID': 'BN-3' } });
    expect(
      form
        .getResponses()
        .map((r) => r.getItemResponses()[0].getResponse())
        .sort(),
    ).toEqual(['BN-2', 'BN-3', 'BN-7']);
    expect(
      runtime.sheets.openById(spreadsheet.getId()).getSheetByName('Form Responses 1'),
    ).toBeNull();
  });

  test('a second linked form gets "Form Responses 2"', () => {
    const { runtime, spreadsheet } = linked();
    const other = runtime.forms.createForm({
      title: 'Registration',
      items: [{ title: 'Name', type: 'TEXT' }],
      destinationSpreadsheetId: spreadsheet.getId(),
    });
    expect(other.getDestinationId()).toBe(spreadsheet.getId());
    expect(
      runtime.sheets.openById(spreadsheet.getId()).getSheetByName('Form Responses 2'),
    ).not.toBeNull();
  });
});
