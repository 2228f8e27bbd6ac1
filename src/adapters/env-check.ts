// "Check this Google environment / 環境チェック" (#17): probes, on the Google this script runs
// on, every Sheets, Forms, Mail and trigger behaviour the system relies on, and reports each as
// expected / different in both languages. The expectations are pure (domain/env-probes.ts).
// Sheets probes run in a scratch sheet that is removed afterwards, whatever happens.
import {
  type AnswerShape,
  formatEnvReport,
  judgeAnswerShape,
  judgeMailQuota,
  judgeTriggerKinds,
  judgeTriggers,
  judgeTypedInput,
  judgeValueType,
  type Observed,
  PROBE_INPUTS,
  type ProbeResult,
  plainTextApostrophe,
  typedInputProbes,
  VALUE_TYPE_PROBES,
} from '../domain/env-probes';
import type { Settings } from '../domain/settings-types';
import { judgeZone } from '../domain/sheet-zone';
import { finderProbes } from './env-check-finder';
import { openFormByUrl } from './forms';
import { errorText } from './mailer';
import { readSettings } from './settings-store';
import { readStaffDatesIn, staffDateReader } from './sheet-zone-reader';
import { fromCell, isDateValue, toTextCell } from './tables/cells';
import { expectSystemSheets, SYSTEM_SHEETS_KEY } from './tables/system-sheets';
import { Workbook } from './tables/workbook';
import { currentAccount, isOwner, readLastRuns, readOwnerRecord } from './trigger-owner';
import { CLOCK_HANDLERS, FORM_HANDLERS, formHandlersFor, SESSION_CLOCK_HANDLERS } from './triggers';

/** When the first check asked the triggers to report (they record every run after it). */
export const CHECK_SINCE_KEY = 'envcheck.since';
const SCRATCH_PREFIX = 'Environment check (temporary) ';

function observe(value: unknown): Observed {
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (isDateValue(value)) return { type: 'date' };
  return { type: 'other', value: Object.prototype.toString.call(value) };
}

/** The Sheets probes, in a scratch sheet removed afterwards. */
function sheetsProbes(notes: string[]): ProbeResult[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet(`${SCRATCH_PREFIX}${Date.now()}`);
  try {
    const probes = typedInputProbes();
    const rows = Math.max(probes.length, PROBE_INPUTS.length, VALUE_TYPE_PROBES.length);
    // Column A: General; B: Plain text; C: the system's own text writes (Plain text);
    // D: value types (General).
    sheet.getRange(1, 2, rows, 2).setNumberFormat('@');
    const grid: unknown[][] = [];
    for (let i = 0; i < rows; i++) grid.push(['', '', '', '']);
    probes.forEach((p, i) => {
      grid[i][p.format === 'General' ? 0 : 1] = p.apostrophe ? `'${p.input}` : p.input;
    });
    PROBE_INPUTS.forEach((input, i) => {
      grid[i][2] = toTextCell(input);
    });
    const typed: unknown[] = [12, true, new Date(Date.UTC(2024, 6, 30, 1, 2, 3)), ''];
    typed.forEach((v, i) => {
      grid[i][3] = v;
    });
    const range = sheet.getRange(1, 1, rows, 4);
    range.setValues(grid);
    SpreadsheetApp.flush();
    const back = range.getValues();
    const results: ProbeResult[] = [];
    const seen = probes.map((probe, i) => ({
      probe,
      seen: observe(back[i][probe.format === 'General' ? 0 : 1]),
    }));
    for (const s of seen) results.push(judgeTypedInput(s.probe, s.seen));
    PROBE_INPUTS.forEach((input, i) => {
      const read = fromCell(back[i][2]);
      results.push({
        name: `Sheets: the system's text columns store ${JSON.stringify(input)} and read it back / システムの文字列列で ${JSON.stringify(input)} が保たれる`,
        verdict: read === input ? 'expected' : 'different',
        detail: read === input ? 'same' : `read back ${JSON.stringify(read)}`,
      });
    });
    VALUE_TYPE_PROBES.forEach((probe, i) => {
      results.push(judgeValueType(probe, observe(back[i][3])));
    });
    // Dates staff type, read the way the system reads a staff column in this spreadsheet's zone.
    const zone = ss.getSpreadsheetTimeZone();
    const typedCells = sheet.getRange(1, 5, 2, 1);
    typedCells.setValues([['2024/05/10'], ['19:00']]);
    const [[day], [time]] = typedCells.getValues();
    const reader = staffDateReader(zone);
    const asRead = (v: unknown) => (reader && isDateValue(v) ? reader(v) : v);
    results.push(...judgeZone(zone, { day: asRead(day), time: asRead(time) }));
    // The product's TextFinder lookups, below the rows above (env-check-finder.ts).
    results.push(...finderProbes(sheet, rows + 2));
    const model = plainTextApostrophe(seen);
    if (model)
      notes.push(
        `This Google ${model} a leading apostrophe written into a Plain-text cell; the system reads both. / このGoogleでは、書式なしテキストのセルに書いた先頭のアポストロフィが${model === 'keeps' ? '残ります' : '消えます'}（どちらでも正しく読みます）。`,
      );
    return results;
  } finally {
    ss.deleteSheet(sheet);
  }
}

/** The shape of each connected form's latest response (last 90 days). */
function formProbes(settings: Settings): ProbeResult[] {
  const forms: [string, string][] = [
    ['registration / 登録', settings.registrationFormUrl],
    ['application / 申請', settings.applicationFormUrl],
  ];
  if (settings.courseFormUrl) forms.push(['course / 講座', settings.courseFormUrl]);
  if (settings.signupFormUrl) forms.push(['session sign-up / 相談会申込', settings.signupFormUrl]);
  const results: ProbeResult[] = [];
  for (const [what, url] of forms) {
    const name = `Forms: ${what} form's latest response / 最新の回答`;
    try {
      const form = openFormByUrl(url, what);
      const since = new Date(Date.now() - 90 * 86_400_000);
      const responses = form.getResponses(since);
      const latest = responses[responses.length - 1];
      if (!latest) {
        results.push({
          name,
          verdict: 'pending',
          detail:
            'no response in the last 90 days: submit a test response and run the check again / テスト回答を送信してから、もう一度実行してください',
        });
        continue;
      }
      const email = latest.getRespondentEmail();
      results.push({
        name: `${name}: respondent email / 回答者のメール`,
        verdict: email ? 'expected' : 'different',
        detail: email ? 'collected' : 'empty: the form does not collect email addresses',
      });
      for (const ir of latest.getItemResponses()) {
        const item = ir.getItem();
        const itemType = String(item.getType());
        const shape: AnswerShape = {
          form: what,
          question: item.getTitle(),
          itemType,
          answer: ir.getResponse(),
        };
        if (itemType === 'CHECKBOX')
          shape.choices = item
            .asCheckboxItem()
            .getChoices()
            .map((c) => c.getValue());
        const r = judgeAnswerShape(shape);
        if (r) results.push(r);
      }
    } catch (error) {
      results.push({ name, verdict: 'different', detail: errorText(error) });
    }
  }
  return results;
}

function wantedHandlers(settings: Settings | null): string[] {
  return [...formHandlersFor(settings), ...CLOCK_HANDLERS];
}

/** Runs every probe; returns the bilingual report. Never leaves the scratch sheet behind. */
export function runEnvironmentCheck(): string {
  const notes: string[] = [];
  const results: ProbeResult[] = [];
  const me = currentAccount();
  notes.push(
    `Account running the check / 実行したアカウント: ${me || '(address not available / 取得できません)'}`,
  );
  try {
    results.push(...sheetsProbes(notes));
  } catch (error) {
    results.push({
      name: 'Sheets / スプレッドシート',
      verdict: 'different',
      detail: errorText(error),
    });
  }
  let settings: Settings | null = null;
  try {
    // A Settings tab renamed is reported, not made again with the defaults (system-sheets.ts).
    expectSystemSheets(PropertiesService.getScriptProperties().getProperty(SYSTEM_SHEETS_KEY));
    const book = Workbook.active();
    // Program days staff typed as dates, read in the spreadsheet's zone (as set-up reads them).
    readStaffDatesIn(book.ss.getSpreadsheetTimeZone());
    settings = readSettings(book);
  } catch (error) {
    results.push({
      name: 'Settings / 設定',
      verdict: 'different',
      detail: `${errorText(error)} — fill in the Settings sheet, then run "Set up / check"`,
    });
  }
  if (settings) results.push(...formProbes(settings));

  const props = PropertiesService.getScriptProperties();
  const record = readOwnerRecord(props);
  const visible = ScriptApp.getProjectTriggers();
  results.push(
    ...judgeTriggers({
      me,
      owner: record ? record.owner : null,
      seesRecorded: record
        ? isOwner(
            record,
            visible.map((t) => t.getUniqueId()),
            me,
          )
        : false,
      visible: visible.map((t) => t.getHandlerFunction()),
      wanted: wantedHandlers(settings),
    }),
  );
  results.push(judgeMailQuota(MailApp.getRemainingDailyQuota()));

  const all = props.getProperties();
  let since = all[CHECK_SINCE_KEY];
  if (!since) {
    since = new Date().toISOString();
    props.setProperty(CHECK_SINCE_KEY, since);
  }
  results.push(
    ...judgeTriggerKinds(
      readLastRuns(all, [...FORM_HANDLERS, ...SESSION_CLOCK_HANDLERS, ...CLOCK_HANDLERS]),
      since,
    ),
  );
  return formatEnvReport(results, notes);
}
