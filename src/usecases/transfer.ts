// R31: "Bank transfer file / 振込データ" for a settled month. Reads the month's ledger lines and
// the Accounts sheet, builds the Zengin 総合振込 file (src/domain/zengin.ts) and shows staff a
// dialog from which they download it (a base64 data link: no Drive scope), with who was left
// out and why, and the count and total. Account data goes into the file only: the log names
// the month, counts and Bansou Net IDs; messages name rows and fields, never their contents.

import { showToStaff } from '../adapters/dialog';
import { actor, commit, type Env, LOCK_WAIT_MS, openEnv, withScriptLock } from '../adapters/env';
import { errorText } from '../adapters/mailer';
import { cellNumber, cellText } from '../adapters/tables/cells';
import { ACCOUNTS, LEDGER, RUNS } from '../adapters/tables/schema';
import { readAccount } from '../domain/accounts';
import { dayOf } from '../domain/dates';
import { canonicalId } from '../domain/ids';
import { paymentSheetName } from '../domain/payments';
import { escapeHtml, formatYen } from '../domain/templates';
import {
  type AccountEntry,
  consignorFrom,
  mmdd,
  planTransfers,
  type TransferPlan,
  transferDate,
} from '../domain/transfers';
import type { Day, Month } from '../domain/types';
import { buildTransferFile } from '../domain/zengin';

const MONTH = /^\d{4}-\d{2}$/;

export interface TransferFileResult {
  month: Month;
  /** Why no file could be made (not settled, Settings missing…); empty when there is a file. */
  problems: string[];
  fileName: string;
  /** The file, base64 (Shift_JIS bytes). '' when there is no file. */
  base64: string;
  transferDay: Day | '';
  /** The transfer day has already passed (Tokyo). */
  late: boolean;
  plan: TransferPlan | null;
  /** Rows of the Accounts sheet that name no member (both languages). */
  unreadRows: number[];
}

/** Reads the Accounts sheet: each member's rows, checked one by one. */
export function readAccounts(env: Env): {
  byMember: Map<string, AccountEntry[]>;
  unreadRows: number[];
} {
  const table = env.book.table(ACCOUNTS);
  const byMember = new Map<string, AccountEntry[]>();
  const unreadRows: number[] = [];
  for (const row of table.dataRows()) {
    const id = canonicalId(
      cellText(table.get(row, 'memberId')),
      env.settings.idPrefix,
      env.settings.idWidth,
    );
    if (!id) {
      unreadRows.push(row.rowNumber);
      continue;
    }
    const read = readAccount({
      row: row.rowNumber,
      bankCode: table.get(row, 'bankCode'),
      branchCode: table.get(row, 'branchCode'),
      accountType: table.get(row, 'accountType'),
      accountNumber: table.get(row, 'accountNumber'),
      holder: table.get(row, 'holder'),
    });
    const entry: AccountEntry =
      'account' in read
        ? { row: row.rowNumber, account: read.account }
        : { row: row.rowNumber, problems: read.problems };
    const list = byMember.get(id) ?? [];
    list.push(entry);
    byMember.set(id, list);
  }
  return { byMember, unreadRows };
}

/** The supporter lines of a settled month, summed per member, in ID order. */
function monthLines(env: Env, month: Month): { memberId: string; amount: number }[] {
  const table = env.book.table(LEDGER);
  const sums = new Map<string, number>();
  for (const row of table.dataRows()) {
    if (cellText(table.get(row, 'settledMonth')) !== month) continue;
    const id = cellText(table.get(row, 'memberId'));
    sums.set(id, (sums.get(id) ?? 0) + (cellNumber(table.get(row, 'amount')) ?? 0));
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, amount]) => ({ memberId, amount }));
}

function isSettled(env: Env, month: Month): boolean {
  const table = env.book.table(RUNS);
  return table.dataRows().some((r) => cellText(table.get(r, 'month')) === month);
}

function toSignedBytes(bytes: readonly number[]): number[] {
  // Apps Script's Byte[] is Java's signed byte.
  return bytes.map((b) => (b > 127 ? b - 256 : b));
}

/** Builds the file of a settled month (nothing is written but a log line). */
export function prepareTransferFile(env: Env, month: Month): TransferFileResult {
  const result: TransferFileResult = {
    month,
    problems: [],
    fileName: `zengin-${month}.txt`,
    base64: '',
    transferDay: '',
    late: false,
    plan: null,
    unreadRows: [],
  };
  if (!MONTH.test(month)) {
    result.problems.push(
      `"${month}" is not a month: write it as YYYY-MM, e.g. 2024-07. / 対象月は 2024-07 のように入力してください。`,
    );
    return result;
  }
  if (!isSettled(env, month)) {
    result.problems.push(
      `${month} is not settled yet: the file is made from the sheet "${paymentSheetName(month)}" once the monthly run has written it. / ${month} はまだ支払い処理が済んでいません。`,
    );
    return result;
  }
  const office = consignorFrom(env.settings);
  if ('missing' in office) {
    result.problems.push(
      `Fill in these Settings rows first (the bank's codes and the office's own account): ${office.missing.join(', ')}. / 設定シートの次の行を入力してください: ${office.missing.join('、')}`,
    );
    return result;
  }
  const { byMember, unreadRows } = readAccounts(env);
  const plan = planTransfers(monthLines(env, month), byMember);
  const day = transferDate(month, env.settings.transferDay, env.settings.monthlyRunDay);
  const file = buildTransferFile(office.consignor, mmdd(day), plan.transfers);
  result.plan = plan;
  result.unreadRows = unreadRows;
  result.transferDay = day;
  result.late = day <= dayOf(env.now);
  result.base64 = Utilities.base64Encode(toSignedBytes(file.bytes));
  env.log.add({
    action: 'TRANSFER_FILE',
    detail: `${month}: ${plan.count} transfers, ${plan.total} yen, transfer day ${day}; left out: ${plan.leftOut.map((l) => l.memberId).join(' ') || 'none'}`,
  });
  return result;
}

function yen(n: number): string {
  return formatYen(n, 'en');
}

/** The dialog: download link, count and total, and everyone left out with the reasons. */
export function transferDialogHtml(r: TransferFileResult): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html><html><head><base target="_top"><style>body{font-family:sans-serif;font-size:13px;line-height:1.5}',
    'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}',
    '.warn{color:#a00}.big{font-size:15px;font-weight:bold}</style></head><body>',
  );
  parts.push(`<h3>振込データ / Bank transfer file: ${e(r.month)}</h3>`);
  if (r.problems.length > 0 || r.plan === null) {
    parts.push(`<p class="warn">${r.problems.map(e).join('<br>')}</p></body></html>`);
    return parts.join('');
  }
  const p = r.plan;
  parts.push(
    `<p class="big">件数 / Transfers: <span id="count">${p.count}</span> &nbsp; 合計 / Total: <span id="total">${e(yen(p.total))}</span></p>`,
    `<p>振込指定日 / Transfer date: <span id="transfer-day">${e(r.transferDay)}</span></p>`,
  );
  if (r.late) {
    parts.push(
      '<p class="warn">この振込指定日は今日以前です。銀行の画面で日付を変えるか、設定「transferDay」を見直してください。 / This transfer date is today or past: change it in the bank’s screen or the “transferDay” setting.</p>',
    );
  }
  // The download: a link with `download` and the file as a data: URL. The dialog runs in Apps
  // Script's IFRAME sandbox, whose keywords include allow-downloads, and links must target _top
  // or _blank (<base target="_top"> above): "HTML Service: Restrictions",
  // https://developers.google.com/apps-script/guides/html/restrictions. That page does not speak
  // of data: URLs; the HTML standard downloads a `download` link rather than navigating to it.
  parts.push(
    `<p><a id="download" download="${e(r.fileName)}" href="data:text/plain;base64,${r.base64}">${e(r.fileName)} をダウンロード / Download ${e(r.fileName)}</a></p>`,
    '<p>Shift_JIS、1レコード120バイト、CR LF。銀行のインターネットバンキングの「総合振込」に、全銀協フォーマットのファイルとしてアップロードしてください。 / Shift_JIS, 120-byte records, CR LF: upload it to your bank’s bulk transfer (総合振込) as a Zengin-format file.</p>',
  );
  parts.push(`<h4>対象外 / Left out (${p.leftOut.length})</h4>`);
  if (p.leftOut.length === 0) parts.push('<p>なし / None</p>');
  else {
    parts.push(
      '<table id="left-out"><tr><th>伴走ネットID / ID</th><th>金額 / Amount</th><th>理由 / Why</th></tr>',
    );
    for (const l of p.leftOut) {
      const why = l.ja.map((ja, i) => `${e(ja)}<br>${e(l.en[i] ?? '')}`).join('<br>');
      parts.push(`<tr><td>${e(l.memberId)}</td><td>${e(yen(l.amount))}</td><td>${why}</td></tr>`);
    }
    parts.push('</table>');
    parts.push(
      '<p>口座シートを直してから、もう一度このメニューを実行してください。 / Fix the Accounts sheet and run this menu again.</p>',
    );
  }
  if (p.shortened.length > 0) {
    parts.push(
      `<p>口座名義を半角30文字で切りました / Holder names cut to 30 half-width characters: ${p.shortened.map(e).join(', ')}</p>`,
    );
  }
  if (r.unreadRows.length > 0) {
    parts.push(
      `<p class="warn">口座シートの次の行は伴走ネットIDが読み取れません / Accounts rows without a readable Bansou Net ID: ${r.unreadRows.join(', ')}</p>`,
    );
  }
  parts.push('</body></html>');
  return parts.join('');
}

/** The text summary a menu run returns (and the editor shows). */
export function transferSummary(r: TransferFileResult): string {
  if (r.problems.length > 0 || r.plan === null) return r.problems.join('\n');
  return `${r.fileName}: ${r.plan.count} transfers, ${r.plan.total} yen, transfer date ${r.transferDay}; ${r.plan.leftOut.length} left out.`;
}

/**
 * Menu: builds the file under the script lock, then shows the dialog. Dialogs need the UI
 * (SpreadsheetApp.getUi().showModalDialog; not available in triggers): run from the editor it
 * returns the summary only.
 */
export function showTransferFile(month: Month): string {
  let result: TransferFileResult | null = null;
  let text: string;
  try {
    const done = withScriptLock(LOCK_WAIT_MS, () => {
      const env = openEnv(actor('menu'));
      const r = prepareTransferFile(env, month);
      commit(env);
      return r;
    });
    if (done) {
      result = done.value;
      text = transferSummary(result);
    } else {
      text =
        'Another task is running; try again in a minute. / 他の処理が実行中です。少し待ってからもう一度お試しください。';
    }
  } catch (error) {
    text = `Bank transfer file: ${errorText(error)}`;
  }
  if (!result) {
    showToStaff('Bank transfer file / 振込データ', text);
    return text;
  }
  try {
    const html = HtmlService.createHtmlOutput(transferDialogHtml(result))
      .setWidth(720)
      .setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(html, `振込データ / Bank transfer file ${month}`);
  } catch (_e) {
    console.log(text);
  }
  return text;
}
