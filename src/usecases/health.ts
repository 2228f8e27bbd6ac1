// The health report (menu): what staff need to know at a glance, without opening the code.

import { capacityLines, capacityOf } from '../adapters/capacity';
import type { Env } from '../adapters/env';
import { checkForm, formChecks } from '../adapters/form-check';
import { readPendingCount } from '../adapters/mailer';
import { checkZone } from '../adapters/sheet-zone';
import { cellMs, cellText } from '../adapters/tables/cells';
import { APPLICATIONS, MEMBERS, OUTBOX, RUNS } from '../adapters/tables/schema';
import {
  currentAccount,
  isOwner,
  readLastRuns,
  readOwnerRecord,
  tokyoTime,
} from '../adapters/trigger-owner';
import { CLOCK_HANDLERS, FORM_HANDLERS, formHandlersFor } from '../adapters/triggers';

export function healthReport(env: Env): string {
  const members = env.book.table(MEMBERS).dataRows().length;
  const apps = env.book.table(APPLICATIONS);
  const byStatus = new Map<string, number>();
  let onHold = 0;
  let flagged = 0;
  let firstApplication: number | null = null;
  for (const row of apps.dataRows()) {
    const at = cellMs(apps.get(row, 'submittedAt'));
    if (at !== null && (firstApplication === null || at < firstApplication)) firstApplication = at;
    const s = cellText(apps.get(row, 'status')) || '—';
    byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
    if (apps.get(row, 'onHold') === true) onHold++;
    if (cellText(apps.get(row, 'flag')) !== '') flagged++;
  }
  const runs = env.book.table(RUNS);
  const settled = runs
    .dataRows()
    .map((r) => cellText(runs.get(r, 'month')))
    .sort();
  const outbox = env.book.table(OUTBOX);
  const queued = outbox
    .dataRows()
    .filter((r) => cellText(outbox.get(r, 'status')) === 'QUEUED').length;
  const failed = outbox
    .dataRows()
    .filter((r) => cellText(outbox.get(r, 'status')) === 'FAILED').length;
  const visible = ScriptApp.getProjectTriggers();
  const installed = visible.map((t) => t.getHandlerFunction());
  const store = PropertiesService.getScriptProperties();
  const record = readOwnerRecord(store);
  const owns =
    record !== null &&
    isOwner(
      record,
      visible.map((t) => t.getUniqueId()),
      currentAccount(),
    );
  const expected = [...CLOCK_HANDLERS, ...formHandlersFor(env.settings)];
  const missing = expected.filter((h) => !installed.includes(h));
  const extra = installed.filter(
    (h) =>
      ([...CLOCK_HANDLERS, ...FORM_HANDLERS] as string[]).includes(h) &&
      installed.indexOf(h) !== installed.lastIndexOf(h),
  );
  const zone = checkZone(env);
  const lines = [
    'Bansou Net health report / 状態レポート',
    '',
    zone.warning
      ? `Spreadsheet time zone / タイムゾーン: ${zone.warning.en} / ${zone.warning.ja}`
      : `Spreadsheet time zone / タイムゾーン: ${zone.zone}`,
    `Members / 登録者: ${members}`,
    `Applications / 申請: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ') || '0'}`,
    `On hold for documents / 書類待ち: ${onHold}`,
    `Flagged for staff (e.g. edited after payment) / 要確認フラグ: ${flagged}`,
    `Months settled / 支払処理済みの月: ${settled.length ? `${settled[0]} … ${settled[settled.length - 1]} (${settled.length})` : 'none'}`,
    `Emails queued / 送信待ち: ${queued} (counter ${readPendingCount(env.props)}), failed / 送信失敗: ${failed}`,
    `Email quota left today / 本日の残り送信数: ${MailApp.getRemainingDailyQuota()}`,
    record && !owns
      ? `Triggers / トリガー: owned by ${record.owner || 'another staff account'}; Apps Script shows each account only its own triggers, so this account cannot list them / 所有者 ${record.owner || '別のアカウント'} 以外には一覧が見えません`
      : `Triggers / トリガー: ${missing.length === 0 ? 'all installed / すべて設定済み' : `MISSING / 未設定: ${missing.join(', ')} — run Set up / check`}`,
    `Trigger owner / トリガー所有者: ${record ? `${record.owner || '(address not available)'}, installed ${tokyoTime(record.installedAt)}` : 'not recorded — run Set up / check / 未記録'}`,
    'Last run of each job / 各処理の最終実行:',
  ];
  const lastRuns = readLastRuns(store.getProperties(), expected);
  for (const h of expected) {
    const run = lastRuns[h];
    lines.push(
      `  ${h}: ${run ? `${tokyoTime(run.at)}${run.what === 'idle' ? ' (nothing to do)' : ''}` : 'not yet / 未実行'}`,
    );
  }
  lines.push(...formLines(env));
  lines.push(...capacityLines(capacityOf(env.book.ss, firstApplication, env.now)));
  if (extra.length)
    lines.push(
      `Duplicate triggers / 重複トリガー: ${[...new Set(extra)].join(', ')} — run Set up / check`,
    );
  return lines.join('\n');
}

/**
 * The forms checked as set-up checks them (adapters/form-check.ts): staff edit a form in the
 * Forms editor and run nothing after it, so the Health report names what the submissions will
 * miss — a question renamed, deleted or of another type, email collection switched off.
 */
function formLines(env: Env): string[] {
  const problems = formChecks(env.settings).flatMap((check) => checkForm(check).problems);
  if (problems.length === 0)
    return ['Forms / フォーム: as set-up expects / セットアップ時の想定どおり'];
  return [
    `Forms / フォーム: ${problems.length} problem(s) — rename the question back or put its new title in the field map in Settings, then run Set up / check / 設問名を戻すか、設定シートのフィールド対応を新しい設問名に変えてください:`,
    ...problems.map((p) => `  • ${p}`),
  ];
}
