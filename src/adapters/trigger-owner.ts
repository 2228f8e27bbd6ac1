// One trigger owner (#17). Installable triggers belong to the account that created them, run as
// that account, and ScriptApp.getProjectTriggers() shows each account only its own (Installable
// triggers guide: "a given account can't see triggers installed from a second account"). A
// second staff account running "Set up / check" would otherwise install a second set and every
// job would run twice. Set-up therefore records, in Script Properties, the IDs of the triggers
// it installed and who installed them; run by any other account it installs nothing and says
// how to hand over (the owner removes, the new owner installs).

import { cellText } from './tables/cells';

/** An ISO instant as staff read it: Tokyo date and time. */
export function tokyoTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${cellText(new Date(ms))} JST`;
}

/** Script Properties keys of the record. */
export const OWNER_KEY = 'triggers.owner';
export const IDS_KEY = 'triggers.ids';
export const INSTALLED_AT_KEY = 'triggers.installedAt';
/** Per job: when it last ran, written by the job itself (health report, environment check). */
export const LAST_RUN_PREFIX = 'job.lastRun.';

export interface OwnerRecord {
  /** The installing account's address, or '' when Apps Script did not tell it. */
  owner: string;
  ids: string[];
  installedAt: string;
}

type Props = GoogleAppsScript.Properties.Properties;

export function readOwnerRecord(props: Props): OwnerRecord | null {
  const ids = props.getProperty(IDS_KEY);
  if (!ids) return null;
  let list: string[] = [];
  try {
    const parsed: unknown = JSON.parse(ids);
    if (Array.isArray(parsed)) list = parsed.map(String);
  } catch (_e) {
    list = [];
  }
  if (list.length === 0) return null;
  return {
    owner: props.getProperty(OWNER_KEY) ?? '',
    ids: list,
    installedAt: props.getProperty(INSTALLED_AT_KEY) ?? '',
  };
}

export function writeOwnerRecord(props: Props, record: OwnerRecord): void {
  props.setProperties(
    {
      [OWNER_KEY]: record.owner,
      [IDS_KEY]: JSON.stringify(record.ids),
      [INSTALLED_AT_KEY]: record.installedAt,
    },
    false,
  );
}

export function clearOwnerRecord(props: Props): void {
  props.deleteProperty(IDS_KEY);
  props.deleteProperty(OWNER_KEY);
  props.deleteProperty(INSTALLED_AT_KEY);
}

/**
 * The account this execution runs as (Session.getEffectiveUser needs the userinfo.email scope;
 * without it, or where Google withholds it, the address is '').
 */
export function currentAccount(): string {
  try {
    return Session.getEffectiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
}

export function ownerLabel(owner: string): string {
  return owner || 'another staff account (address not available) / 別の事務局アカウント';
}

/**
 * Whether the running account owns the recorded triggers: it sees at least one of them (an
 * account sees only its own triggers), or — when none of them exists any more — it is the
 * recorded owner. A record whose triggers nobody sees and whose owner is someone else stays
 * someone else's: their triggers may still be running.
 */
export function isOwner(record: OwnerRecord, visibleIds: readonly string[], me: string): boolean {
  if (record.ids.some((id) => visibleIds.includes(id))) return true;
  return record.owner !== '' && record.owner === me;
}

/** Set-up's answer to an account that does not own the triggers (both languages). */
export function notOwnerMessage(record: OwnerRecord, me: string): string {
  const owner = ownerLabel(record.owner);
  const when = record.installedAt
    ? ` (${record.installedAt.slice(0, 16).replace('T', ' ')} UTC)`
    : '';
  return [
    `The triggers were installed by ${owner}${when} and run as that account. Set-up installed nothing, so every job still runs once.`,
    `To hand over: 1) ${owner} opens this spreadsheet and chooses 伴走ネット / Bansou Net → "Hand over: remove my triggers"; 2) then ${me || 'you'} run "Set up / check", which installs the triggers as your account.`,
    `トリガーは ${owner} が設定し、そのアカウントで動いています。二重に動かないよう、セットアップは何も設定しませんでした。`,
    `引き継ぐには：1) ${owner} がこのスプレッドシートを開き、メニュー「伴走ネット / Bansou Net」→「引き継ぎ：自分のトリガーを外す」を実行します。2) その後、あなたが「セットアップ / 確認」を実行すると、あなたのアカウントでトリガーが設定されます。`,
  ].join('\n');
}

/**
 * Records when a job ran (one Properties write), and whether it worked in the office
 * spreadsheet ('spreadsheet') or had nothing to do there ('idle'); never throws. The
 * environment check reads these to tell that each trigger kind reaches the spreadsheet.
 */
export function recordLastRun(handler: string, at: number, what: 'spreadsheet' | 'idle'): void {
  try {
    PropertiesService.getScriptProperties().setProperty(
      LAST_RUN_PREFIX + handler,
      `${new Date(at).toISOString()} ${what}`,
    );
  } catch (_e) {
    // A missing note of the last run must not fail the job.
  }
}

export interface LastRun {
  at: string;
  what: string;
}

/** Each job's last run as recorded (null: not since the record began). */
export function readLastRuns(
  all: Record<string, string>,
  handlers: readonly string[],
): Record<string, LastRun | null> {
  const out: Record<string, LastRun | null> = {};
  for (const h of handlers) {
    const v = all[LAST_RUN_PREFIX + h];
    if (!v) out[h] = null;
    else {
      const [at, what = ''] = v.split(' ');
      out[h] = { at, what };
    }
  }
  return out;
}
