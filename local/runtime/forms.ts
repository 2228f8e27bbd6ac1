// The in-memory FormApp: forms with their items, responses submitted by the "world"
// (tests, runner), the linked response sheet Google writes, and the form-submit triggers a
// submission fires. The script sees the Apps Script API; tests use createForm/submit/editResponse.

import type { RuntimeContext } from './context';
import type { ScriptService, TriggerRecord } from './script';
import { fromWall } from './script';
import { exception } from './spreadsheet/errors';

export const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
} as const;
export type ItemTypeName = keyof typeof ItemType;

/** The question types a test form can have. */
export type QuestionType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'DATE'
  | 'TIME'
  | 'DATETIME';

export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;

// Error text: unverified (see spreadsheet/errors.ts).
export const NO_ITEM_WITH_ID =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
// Error text: unverified (see spreadsheet/errors.ts).
export const INVALID_URL = 'Invalid argument: url';
// Error text: unverified (see spreadsheet/errors.ts).
export const NO_DESTINATION = 'The form currently has no response destination.';

// ---- what the spreadsheet service offers (only what the response sheet needs) ------------

interface RangeLike {
  setValues(values: unknown[][]): unknown;
  getDisplayValues(): string[][];
}
interface SheetLike {
  getName(): string;
  setFormUrl?(url: string | null): void;
  appendRow(row: unknown[]): unknown;
  getLastRow(): number;
  getLastColumn(): number;
  getRange(row: number, column: number, rows: number, columns: number): RangeLike;
}
interface SpreadsheetLike {
  getSheetByName(name: string): SheetLike | null;
  insertSheet(name: string): SheetLike;
}
export interface SpreadsheetsLike {
  openById(id: string): SpreadsheetLike;
}

// ---- stored data ------------------------------------------------------------------------

interface ItemData {
  id: number;
  title: string;
  type: ItemTypeName;
  helpText: string;
  required: boolean;
  choices: string[];
}

type Answer = string | string[];

interface ResponseData {
  id: string;
  timestamp: number;
  email: string;
  /** By item id; only the answered questions. */
  answers: Map<number, Answer>;
  /** Row in the response sheet once Google wrote it. */
  row?: number;
}

interface Destination {
  spreadsheetId: string;
  sheetName: string;
  /** Column keys in sheet order: 'timestamp', 'email' or an item id. */
  columns: (string | number)[];
}

interface FormData {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  collectsEmail: boolean;
  accepting: boolean;
  allowEdits: boolean;
  items: ItemData[];
  /** In submission order. Change it only through addResponse, retimeResponse, clearResponses. */
  responses: ResponseData[];
  /** The responses in time order (a stable sort of `responses`), kept while it stays valid. */
  byTime: ResponseData[] | null;
  byId: Map<string, ResponseData>;
  destination: Destination | null;
}

// The lists a form's responses are read through: getResponses and getResponse look up instead
// of filtering and sorting every response each call, so a call costs what it returns (the
// hourly sweep asks for a couple of hours' responses of a form that has tens of thousands).

function addResponse(form: FormData, response: ResponseData): void {
  form.responses.push(response);
  form.byId.set(response.id, response);
  const last = form.byTime?.at(-1);
  // A response no earlier than the last keeps its place at the end of the stable sort.
  if (form.byTime && (last === undefined || last.timestamp <= response.timestamp)) {
    form.byTime.push(response);
  } else form.byTime = null;
}

/**
 * An edit rewrites the timestamp: the response moves in time order, to where the stable sort by
 * time puts it (after the responses of the same time submitted before it, before those after).
 */
function retimeResponse(form: FormData, response: ResponseData, timestamp: number): void {
  const list = form.byTime;
  const from = list === null ? -1 : list.indexOf(response);
  response.timestamp = timestamp;
  if (list === null || from === -1) {
    form.byTime = null;
    return;
  }
  list.splice(from, 1);
  // Submission order breaks ties: the position in form.responses (found only among equal times).
  const order = (r: ResponseData) => form.responses.indexOf(r);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const other = list[mid];
    const before =
      other.timestamp < timestamp ||
      (other.timestamp === timestamp && order(other) < order(response));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, response);
}

function clearResponses(form: FormData): void {
  form.responses.length = 0;
  form.byId.clear();
  form.byTime = [];
}

/** The responses submitted at or after `from` (ms), oldest first; same times in submission order. */
function responsesFrom(form: FormData, from: number): ResponseData[] {
  if (form.byTime === null) {
    form.byTime = [...form.responses].sort((a, b) => a.timestamp - b.timestamp);
  }
  const list = form.byTime;
  if (Number.isNaN(from)) return []; // no time is at or after an invalid one
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].timestamp < from) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? list.slice() : list.slice(lo);
}

export interface FormSpec {
  title: string;
  collectsEmail?: boolean;
  items: { title: string; type: QuestionType; choices?: string[]; required?: boolean }[];
  destinationSpreadsheetId?: string;
}

export interface Submission {
  email?: string;
  /** By question title; '' or [] (or leaving the title out) means unanswered. */
  answers: Record<string, string | string[]>;
  /** When it was submitted (default: the clock). */
  at?: number;
}

export interface SubmitOptions {
  /** The trigger receives the event twice (reported). */
  twice?: boolean;
  /** The trigger does not fire at all (disabled after failures, reported). */
  drop?: boolean;
  /** The response-sheet row is written only after the trigger ran (reported). */
  lateRow?: boolean;
}

const TYPE_CLASS: Record<string, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  DATE: 'DateItem',
  TIME: 'TimeItem',
  DATETIME: 'DateTimeItem',
  SCALE: 'ScaleItem',
  GRID: 'GridItem',
};

// ---- script-facing classes ------------------------------------------------------------

export class Choice {
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
}

/** Item and every typed item (TextItem, CheckboxItem, …): one class, checked by type. */
export class Item {
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly form: FormData,
    /** @internal */
    readonly data: ItemData,
  ) {}
  private call(method: string): void {
    this.ctx.call('Forms', method);
  }
  getId(): number {
    this.call('getId');
    return this.data.id;
  }
  getTitle(): string {
    this.call('getTitle');
    return this.data.title;
  }
  setTitle(title: string): this {
    this.call('setTitle');
    this.data.title = String(title);
    return this;
  }
  getType(): string {
    this.call('getType');
    return this.data.type;
  }
  getIndex(): number {
    this.call('getIndex');
    return this.form.items.indexOf(this.data);
  }
  getHelpText(): string {
    this.call('getHelpText');
    return this.data.helpText;
  }
  setHelpText(text: string): this {
    this.call('setHelpText');
    this.data.helpText = String(text);
    return this;
  }
  isRequired(): boolean {
    this.call('isRequired');
    return this.data.required;
  }
  setRequired(required: boolean): this {
    this.call('setRequired');
    this.data.required = Boolean(required);
    return this;
  }
  getChoices(): Choice[] {
    this.call('getChoices');
    this.needChoices('getChoices');
    return this.data.choices.map((c) => new Choice(c));
  }
  setChoiceValues(values: string[]): this {
    this.call('setChoiceValues');
    this.needChoices('setChoiceValues');
    if (!Array.isArray(values) || values.length === 0) throw exception('Invalid argument: values');
    this.data.choices = values.map(String);
    return this;
  }
  setChoices(choices: Choice[]): this {
    this.call('setChoices');
    this.needChoices('setChoices');
    this.data.choices = choices.map((c) => c.getValue());
    return this;
  }
  private needChoices(method: string): void {
    if (!['MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'].includes(this.data.type)) {
      throw new TypeError(`${method} is not a function of ${TYPE_CLASS[this.data.type] ?? 'Item'}`);
    }
  }
  private as(type: ItemTypeName): this {
    this.call(`as${TYPE_CLASS[type]}`);
    // The real service refuses a cast to the wrong item type.
    if (this.data.type !== type) {
      throw exception(
        `Invalid conversion: the item is a ${this.data.type} item, not a ${TYPE_CLASS[type]}.`,
      );
    }
    return this;
  }
  asTextItem(): this {
    return this.as('TEXT');
  }
  asParagraphTextItem(): this {
    return this.as('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): this {
    return this.as('MULTIPLE_CHOICE');
  }
  asCheckboxItem(): this {
    return this.as('CHECKBOX');
  }
  asListItem(): this {
    return this.as('LIST');
  }
  asDateItem(): this {
    return this.as('DATE');
  }
  asTimeItem(): this {
    return this.as('TIME');
  }
  asDateTimeItem(): this {
    return this.as('DATETIME');
  }
  toString(): string {
    return TYPE_CLASS[this.data.type] ?? 'Item';
  }
}

export class ItemResponse {
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly item: Item,
    private readonly answer: Answer,
  ) {}
  getItem(): Item {
    this.ctx.call('Forms', 'getItem');
    return this.item;
  }
  /** Typed as Forms gives it: string, or string[] for a checkbox. */
  getResponse(): string | string[] {
    this.ctx.call('Forms', 'getResponse');
    if (!Array.isArray(this.answer)) return this.answer;
    // The reference promises no order for the ticked boxes (see RuntimeContext.checkboxOrder).
    return this.ctx.checkboxOrder === 'reversed' ? [...this.answer].reverse() : [...this.answer];
  }
  getScore(): number | null {
    return null;
  }
}

/** A snapshot of one response, as the service returned it at that moment. */
export class FormResponse {
  private readonly snapshot: ResponseData;
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly form: FormData,
    data: ResponseData,
  ) {
    this.snapshot = { ...data, answers: new Map(data.answers) };
  }
  getId(): string {
    this.ctx.call('Forms', 'getId');
    return this.snapshot.id;
  }
  getTimestamp(): Date {
    this.ctx.call('Forms', 'getTimestamp');
    return this.ctx.date(this.snapshot.timestamp);
  }
  getRespondentEmail(): string {
    this.ctx.call('Forms', 'getRespondentEmail');
    return this.form.collectsEmail ? this.snapshot.email : '';
  }
  /** Only the answered questions, in form order (FormResponse.getItemResponses). */
  getItemResponses(): ItemResponse[] {
    this.ctx.call('Forms', 'getItemResponses');
    const out: ItemResponse[] = [];
    for (const item of this.form.items) {
      const answer = this.snapshot.answers.get(item.id);
      if (answer !== undefined) {
        out.push(new ItemResponse(this.ctx, new Item(this.ctx, this.form, item), answer));
      }
    }
    return out;
  }
  /** null when that question was not answered. */
  getResponseForItem(item: Item): ItemResponse | null {
    this.ctx.call('Forms', 'getResponseForItem');
    const data = item?.data;
    if (!data) throw exception('Invalid argument: item');
    const answer = this.snapshot.answers.get(data.id);
    return answer === undefined ? null : new ItemResponse(this.ctx, item, answer);
  }
  getEditResponseUrl(): string {
    this.ctx.call('Forms', 'getEditResponseUrl');
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?edit2=${this.snapshot.id}`;
  }
  toString(): string {
    return 'FormResponse';
  }
}

export class Form {
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly service: FormService,
    /** @internal */
    readonly data: FormData,
  ) {}
  private call(method: string): void {
    this.ctx.call('Forms', method);
  }
  private item(data: ItemData): Item {
    return new Item(this.ctx, this.data, data);
  }
  getId(): string {
    this.call('getId');
    return this.data.id;
  }
  getTitle(): string {
    this.call('getTitle');
    return this.data.title;
  }
  setTitle(title: string): this {
    this.call('setTitle');
    this.data.title = String(title);
    return this;
  }
  getDescription(): string {
    this.call('getDescription');
    return this.data.description;
  }
  setDescription(text: string): this {
    this.call('setDescription');
    this.data.description = String(text);
    return this;
  }
  getEditUrl(): string {
    this.call('getEditUrl');
    return `https://docs.google.com/forms/d/${this.data.id}/edit`;
  }
  getPublishedUrl(): string {
    this.call('getPublishedUrl');
    return `https://docs.google.com/forms/d/e/${this.data.publishedId}/viewform`;
  }
  shortenFormUrl(url: string): string {
    this.call('shortenFormUrl');
    return `https://forms.gle/${shortCode(String(url))}`;
  }
  collectsEmail(): boolean {
    this.call('collectsEmail');
    return this.data.collectsEmail;
  }
  setCollectEmail(collect: boolean): this {
    this.call('setCollectEmail');
    this.data.collectsEmail = Boolean(collect);
    return this;
  }
  isAcceptingResponses(): boolean {
    this.call('isAcceptingResponses');
    return this.data.accepting;
  }
  setAcceptingResponses(accepting: boolean): this {
    this.call('setAcceptingResponses');
    this.data.accepting = Boolean(accepting);
    return this;
  }
  canEditResponse(): boolean {
    this.call('canEditResponse');
    return this.data.allowEdits;
  }
  setAllowResponseEdits(allow: boolean): this {
    this.call('setAllowResponseEdits');
    this.data.allowEdits = Boolean(allow);
    return this;
  }
  getItems(itemType?: string): Item[] {
    this.call('getItems');
    return this.data.items
      .filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => this.item(i));
  }
  getItemById(id: number): Item | null {
    this.call('getItemById');
    const found = this.data.items.find((i) => i.id === Number(id));
    return found ? this.item(found) : null;
  }
  /**
   * Form.deleteItem(index) / deleteItem(item) (the reference's Class Form, as in
   * @types/google-apps-script: `deleteItem(index: Integer): void; deleteItem(item: Item): void`).
   * The answers stored for that item go with it: getItemResponses lists only the form's items.
   * The response sheet keeps its column (Google never removes a response-sheet column).
   */
  deleteItem(which: number | Item): void {
    this.call('deleteItem');
    const index =
      typeof which === 'number' ? which : this.data.items.findIndex((i) => i === which?.data);
    if (!Number.isInteger(index) || index < 0 || index >= this.data.items.length) {
      throw exception('Invalid argument: index');
    }
    this.data.items.splice(index, 1);
  }
  /** Form.moveItem(item, toIndex) / moveItem(from, to): the moved item (Class Form). */
  moveItem(which: number | Item, toIndex: number): Item {
    this.call('moveItem');
    const from =
      typeof which === 'number' ? which : this.data.items.findIndex((i) => i === which?.data);
    const n = this.data.items.length;
    if (!Number.isInteger(from) || from < 0 || from >= n || toIndex < 0 || toIndex >= n) {
      throw exception('Invalid argument: index');
    }
    const [item] = this.data.items.splice(from, 1);
    this.data.items.splice(toIndex, 0, item);
    return this.item(item);
  }
  private add(method: string, type: ItemTypeName): Item {
    this.call(method);
    return this.item(this.service.addItem(this.data, { title: '', type }));
  }
  addTextItem(): Item {
    return this.add('addTextItem', 'TEXT');
  }
  addParagraphTextItem(): Item {
    return this.add('addParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): Item {
    return this.add('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  addCheckboxItem(): Item {
    return this.add('addCheckboxItem', 'CHECKBOX');
  }
  addListItem(): Item {
    return this.add('addListItem', 'LIST');
  }
  addDateItem(): Item {
    return this.add('addDateItem', 'DATE');
  }
  addTimeItem(): Item {
    return this.add('addTimeItem', 'TIME');
  }
  addDateTimeItem(): Item {
    return this.add('addDateTimeItem', 'DATETIME');
  }
  /** All responses, or those submitted at or after `timestamp`, oldest first. */
  getResponses(timestamp?: Date): FormResponse[] {
    this.call('getResponses');
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return responsesFrom(this.data, from).map((r) => new FormResponse(this.ctx, this.data, r));
  }
  getResponse(responseId: string): FormResponse {
    this.call('getResponse');
    const found = this.data.byId.get(responseId);
    if (!found) throw exception(NO_ITEM_WITH_ID);
    return new FormResponse(this.ctx, this.data, found);
  }
  deleteAllResponses(): this {
    this.call('deleteAllResponses');
    clearResponses(this.data);
    return this;
  }
  getDestinationId(): string {
    this.call('getDestinationId');
    if (!this.data.destination) throw exception(NO_DESTINATION);
    return this.data.destination.spreadsheetId;
  }
  getDestinationType(): string {
    this.call('getDestinationType');
    if (!this.data.destination) throw exception(NO_DESTINATION);
    return DestinationType.SPREADSHEET;
  }
  setDestination(type: string, spreadsheetId: string): this {
    this.call('setDestination');
    if (String(type) !== DestinationType.SPREADSHEET) throw exception('Invalid argument: type');
    this.service.linkSpreadsheet(this.data, String(spreadsheetId));
    return this;
  }
  /**
   * "Unlinks the form from its current response destination" (Class Form): what Sheets' Form →
   * Unlink form does. The response sheet stays as a plain sheet (getFormUrl: null) and keeps its
   * rows; later responses are written nowhere but the form's own store, which keeps every
   * response (Enum DestinationType: "All forms ... save a copy of responses in the form's
   * response store").
   */
  removeDestination(): this {
    this.call('removeDestination');
    this.service.unlinkSpreadsheet(this.data);
    return this;
  }
  toString(): string {
    return 'Form';
  }
}

// ---- the service ---------------------------------------------------------------------------

export class FormService {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;

  private readonly forms = new Map<string, FormData>();
  private nextItemId = 1_000_000_001;
  /** Response rows Google has not written yet (submit option lateRow). */
  private readonly lateRows: { form: FormData; response: ResponseData; options: SubmitOptions }[] =
    [];

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly deps: { sheets?: SpreadsheetsLike; script?: ScriptService } = {},
  ) {}

  /** Wiring done by the runtime once every service exists. */
  connect(deps: { sheets?: SpreadsheetsLike; script?: ScriptService }): void {
    Object.assign(this.deps, deps);
  }

  // ---- Apps Script API ------------------------------------------------------------------

  openById(id: string): Form {
    this.ctx.call('Forms', 'openById');
    const data = this.forms.get(String(id));
    if (!data) throw exception(NO_ITEM_WITH_ID);
    return new Form(this.ctx, this, data);
  }

  /**
   * Only the edit URL opens a form. The published `/forms/d/e/<id>/viewform` link carries a
   * different id, and a forms.gle short link is not a form URL at all.
   */
  openByUrl(url: string): Form {
    this.ctx.call('Forms', 'openByUrl');
    const text = String(url);
    const match = /^https:\/\/docs\.google\.com\/forms\/d\/([^/?#]+)/.exec(text);
    if (!match) throw exception(INVALID_URL);
    const data = this.forms.get(match[1]);
    if (!data) throw exception(NO_ITEM_WITH_ID);
    return new Form(this.ctx, this, data);
  }

  /** The script is bound to the spreadsheet, not to a form. */
  getActiveForm(): Form | null {
    this.ctx.call('Forms', 'getActiveForm');
    return null;
  }

  create(title: string): Form {
    this.ctx.call('Forms', 'create');
    return new Form(this.ctx, this, this.newForm(String(title), false));
  }

  // ---- world API (tests, runner) --------------------------------------------------------

  createForm(spec: FormSpec): Form {
    const data = this.newForm(spec.title, spec.collectsEmail ?? false);
    for (const item of spec.items) {
      this.addItem(data, {
        title: item.title,
        type: item.type,
        choices: item.choices,
        required: item.required,
      });
    }
    if (spec.destinationSpreadsheetId) this.linkSpreadsheet(data, spec.destinationSpreadsheetId);
    return new Form(this.ctx, this, data);
  }

  all(): Form[] {
    return [...this.forms.values()].map((d) => new Form(this.ctx, this, d));
  }

  /**
   * A respondent submits the form. The response is stored, Google writes the response-sheet
   * row, and every enabled form-submit trigger of the form runs.
   */
  submit(form: Form | string, submission: Submission, options: SubmitOptions = {}): FormResponse {
    const data = this.formData(form);
    if (!data.accepting) throw new Error(`the form "${data.title}" is not accepting responses`);
    const response: ResponseData = {
      id: `2_${this.ctx.newId('R')}`,
      timestamp: submission.at ?? this.ctx.clock.now(),
      email: data.collectsEmail ? (submission.email ?? '') : '',
      answers: this.readAnswers(data, submission.answers),
    };
    if (data.collectsEmail && !response.email) {
      throw new Error(`the form "${data.title}" collects emails: give the respondent's email`);
    }
    addResponse(data, response);
    this.deliver(data, response, options);
    return new FormResponse(this.ctx, data, response);
  }

  /**
   * The respondent edits a response: the ID stays, the timestamp is rewritten (reported), the
   * response-sheet row is updated in place and the form-submit triggers run again.
   */
  editResponse(
    responseId: string,
    edit: { answers: Record<string, string | string[]>; at?: number },
    options: SubmitOptions = {},
  ): FormResponse {
    for (const data of this.forms.values()) {
      const response = data.byId.get(responseId);
      if (!response) continue;
      response.answers = this.readAnswers(data, edit.answers);
      retimeResponse(data, response, edit.at ?? this.ctx.clock.now());
      this.deliver(data, response, options);
      return new FormResponse(this.ctx, data, response);
    }
    throw new Error(`no response ${responseId}`);
  }

  /** Writes the response rows held back by lateRow. Returns how many were written. */
  flushLateRows(): number {
    const pending = this.lateRows.splice(0);
    for (const { form, response, options } of pending) {
      this.writeRow(form, response);
      this.fireSheetTriggers(form, response, options);
    }
    return pending.length;
  }

  pendingLateRows(): number {
    return this.lateRows.length;
  }

  // ---- internals -------------------------------------------------------------------------

  private formData(form: Form | string): FormData {
    const data = typeof form === 'string' ? this.forms.get(form) : form.data;
    if (!data) throw new Error(`no form ${String(form)}`);
    return data;
  }

  private newForm(title: string, collectsEmail: boolean): FormData {
    const id = this.ctx.newId('form-');
    const data: FormData = {
      id,
      publishedId: `1FAIpQL${id}`,
      title,
      description: '',
      collectsEmail,
      accepting: true,
      allowEdits: false,
      items: [],
      responses: [],
      byTime: [],
      byId: new Map(),
      destination: null,
    };
    this.forms.set(id, data);
    return data;
  }

  /** @internal */
  addItem(
    form: FormData,
    spec: { title: string; type: ItemTypeName; choices?: string[]; required?: boolean },
  ): ItemData {
    const item: ItemData = {
      id: this.nextItemId++,
      title: spec.title,
      type: spec.type,
      helpText: '',
      required: spec.required ?? false,
      choices: [...(spec.choices ?? [])],
    };
    form.items.push(item);
    return item;
  }

  /** Checks each answer against its question the way the form UI would. */
  private readAnswers(form: FormData, answers: Record<string, Answer>): Map<number, Answer> {
    const out = new Map<number, Answer>();
    for (const [title, answer] of Object.entries(answers)) {
      const item = form.items.find((i) => i.title === title);
      if (!item) throw new Error(`the form "${form.title}" has no question "${title}"`);
      const empty = Array.isArray(answer) ? answer.length === 0 : answer === '';
      if (empty) continue;
      out.set(item.id, checkAnswer(item, answer));
    }
    for (const item of form.items) {
      if (item.required && !out.has(item.id)) {
        throw new Error(`the question "${item.title}" is required`);
      }
    }
    return out;
  }

  /** Row, spreadsheet-submit triggers, then form-submit triggers (each as Google does it). */
  private deliver(form: FormData, response: ResponseData, options: SubmitOptions): void {
    if (options.lateRow) this.lateRows.push({ form, response, options });
    else this.writeRow(form, response);
    const script = this.deps.script;
    if (options.drop || !script) return;
    const times = options.twice ? 2 : 1;
    for (const trigger of script.find('ON_FORM_SUBMIT', form.id)) {
      for (let i = 0; i < times; i++) this.fireFormTrigger(script, trigger, form, response);
    }
    if (!options.lateRow) this.fireSheetTriggers(form, response, options);
  }

  /**
   * A spreadsheet-bound form-submit trigger fires once the row is in the sheet, with
   * `e.values`, `e.namedValues` and `e.range` (the row) instead of `e.response`.
   */
  private fireSheetTriggers(form: FormData, response: ResponseData, options: SubmitOptions): void {
    const script = this.deps.script;
    const dest = form.destination;
    if (options.drop || !script || !dest || response.row === undefined) return;
    const triggers = script.find('ON_FORM_SUBMIT', dest.spreadsheetId);
    if (triggers.length === 0) return;
    const row = response.row;
    const { spreadsheet, range, values, header } = this.asGoogle(() => {
      const spreadsheet = this.needSheets().openById(dest.spreadsheetId);
      const sheet = spreadsheet.getSheetByName(dest.sheetName)!;
      const width = dest.columns.length;
      return {
        spreadsheet,
        range: sheet.getRange(row, 1, 1, width),
        values: sheet.getRange(row, 1, 1, width).getDisplayValues()[0],
        header: sheet.getRange(1, 1, 1, width).getDisplayValues()[0],
      };
    });
    const namedValues: Record<string, string[]> = {};
    header.forEach((title, i) => {
      namedValues[title] = [values[i]];
    });
    const times = options.twice ? 2 : 1;
    for (const trigger of triggers) {
      for (let i = 0; i < times; i++) {
        script.fire(trigger, { values: [...values], namedValues, range, source: spreadsheet });
      }
    }
  }

  private fireFormTrigger(
    script: ScriptService,
    trigger: TriggerRecord,
    form: FormData,
    response: ResponseData,
  ): void {
    script.fire(trigger, {
      response: new FormResponse(this.ctx, form, response),
      source: new Form(this.ctx, this, form),
    });
  }

  /** @internal Links the form to a spreadsheet: Google adds a "Form Responses N" sheet. */
  linkSpreadsheet(form: FormData, spreadsheetId: string): void {
    const sheets = this.needSheets();
    this.asGoogle(() => {
      const spreadsheet = sheets.openById(spreadsheetId);
      let n = 1;
      while (spreadsheet.getSheetByName(`Form Responses ${n}`)) n++;
      const sheetName = `Form Responses ${n}`;
      const sheet = spreadsheet.insertSheet(sheetName);
      // What Sheet.getFormUrl returns: the form that writes to this sheet.
      sheet.setFormUrl?.(`https://docs.google.com/forms/d/${form.id}/edit`);
      form.destination = { spreadsheetId, sheetName, columns: [] };
      this.syncHeader(form);
    });
  }

  /** @internal Unlinks the form: its response sheet, if still there, is no form's any more. */
  unlinkSpreadsheet(form: FormData): void {
    if (!form.destination) return;
    this.asGoogle(() => this.responseSheet(form)?.setFormUrl?.(null));
    form.destination = null;
  }

  private needSheets(): SpreadsheetsLike {
    if (!this.deps.sheets) throw new Error('FormService has no spreadsheet service to write to');
    return this.deps.sheets;
  }

  /** Google writes the response sheet, not the script: no counted calls, no script faults. */
  private asGoogle<T>(write: () => T): T {
    const counting = this.ctx.counter.enabled;
    const faults = this.ctx.faults.splice(0);
    this.ctx.counter.enabled = false;
    try {
      return write();
    } finally {
      this.ctx.counter.enabled = counting;
      this.ctx.faults.push(...faults);
    }
  }

  private responseSheet(form: FormData): SheetLike | null {
    const dest = form.destination;
    if (!dest) return null;
    return this.needSheets().openById(dest.spreadsheetId).getSheetByName(dest.sheetName);
  }

  /** Adds header cells for the email column and questions the sheet does not have yet. */
  private syncHeader(form: FormData): void {
    const dest = form.destination;
    const sheet = this.responseSheet(form);
    if (!dest || !sheet) return;
    const wanted: (string | number)[] = ['timestamp'];
    if (form.collectsEmail) wanted.push('email');
    for (const item of form.items) wanted.push(item.id);
    const added = wanted.filter((key) => !dest.columns.includes(key));
    if (added.length === 0) return;
    const titles = added.map((key) =>
      key === 'timestamp'
        ? 'Timestamp'
        : key === 'email'
          ? 'Email Address'
          : (form.items.find((i) => i.id === key)?.title ?? ''),
    );
    sheet.getRange(1, dest.columns.length + 1, 1, added.length).setValues([titles]);
    dest.columns.push(...added);
  }

  private writeRow(form: FormData, response: ResponseData): void {
    if (!form.destination) return;
    this.asGoogle(() => {
      this.syncHeader(form);
      const dest = form.destination!;
      const sheet = this.responseSheet(form);
      if (!sheet) return; // staff deleted the sheet: Google stops writing to it
      const row = dest.columns.map((key) => {
        if (key === 'timestamp') return this.ctx.date(response.timestamp);
        if (key === 'email') return response.email;
        const item = form.items.find((i) => i.id === key);
        const answer = response.answers.get(key as number);
        return item && answer !== undefined ? this.cellValue(item, answer) : '';
      });
      if (response.row === undefined) {
        sheet.appendRow(row);
        response.row = sheet.getLastRow();
      } else {
        sheet.getRange(response.row, 1, 1, row.length).setValues([row]);
      }
    });
  }

  /** What Google puts in the response sheet for an answer. */
  private cellValue(item: ItemData, answer: Answer): unknown {
    const zone = this.ctx.timeZone;
    if (Array.isArray(answer)) return answer.join(', ');
    switch (item.type) {
      case 'DATE':
        return this.ctx.date(zonedMs(answer, '00:00', zone));
      case 'TIME':
        // A time-only cell is a Date on 1899-12-30.
        return this.ctx.date(zonedMs('1899-12-30', answer, zone));
      case 'DATETIME': {
        const [day, time] = answer.split(' ');
        return this.ctx.date(zonedMs(day, time, zone));
      }
      default:
        return answer;
    }
  }
}

// ---- helpers --------------------------------------------------------------------------------

function checkAnswer(item: ItemData, answer: Answer): Answer {
  const where = `answer to "${item.title}"`;
  if (item.type === 'CHECKBOX') {
    const list = Array.isArray(answer) ? answer : [answer];
    for (const value of list) {
      if (!item.choices.includes(value)) throw new Error(`${where}: "${value}" is not a choice`);
    }
    // Forms reports the ticked boxes in the order of the choices.
    return item.choices.filter((c) => list.includes(c));
  }
  if (Array.isArray(answer)) throw new Error(`${where}: one value expected`);
  switch (item.type) {
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      if (!item.choices.includes(answer)) throw new Error(`${where}: "${answer}" is not a choice`);
      return answer;
    case 'DATE':
      if (!isDay(answer)) throw new Error(`${where}: a date is 'yyyy-MM-dd'`);
      return answer;
    case 'TIME':
      if (!isTime(answer)) throw new Error(`${where}: a time is 'HH:mm'`);
      return answer;
    case 'DATETIME': {
      const [day, time, extra] = answer.split(' ');
      if (extra !== undefined || !isDay(day) || !isTime(time ?? '')) {
        throw new Error(`${where}: a date and time is 'yyyy-MM-dd HH:mm'`);
      }
      return answer;
    }
    default:
      return answer;
  }
}

function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function isTime(text: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60;
}

/** The instant of a wall-clock day and time in `timeZone`. */
function zonedMs(day: string, time: string, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return fromWall(Date.UTC(y, mo - 1, d, h, mi), timeZone);
}

function shortCode(url: string): string {
  let h = 0;
  for (let i = 0; i < url.length; i++) h = (Math.imul(h, 31) + url.charCodeAt(i)) >>> 0;
  return h.toString(36).padStart(7, '0');
}
