// The Applications sheet as the use cases read it: the staff override cell and its choices
// (set-up offers them as a dropdown; deciding reads them back).
import type { StaffOverride, Status } from '../domain/types';
import { cellText } from './tables/cells';
import type { APPLICATIONS, KeysOf } from './tables/schema';
import type { Row, Table } from './tables/table';

export type AppTable = Table<KeysOf<typeof APPLICATIONS>>;

const STATUSES: Record<string, Status> = {
  accepted: 'ACCEPTED',
  受理: 'ACCEPTED',
  rejected: 'REJECTED',
  不受理: 'REJECTED',
  review: 'REVIEW',
  確認中: 'REVIEW',
};

/** The staff override cell: a status (English or Japanese, as the dropdown offers) or empty. */
export function readOverride(table: AppTable, row: Row): StaffOverride | null {
  const raw = cellText(table.get(row, 'override')).normalize('NFKC').trim();
  const first = raw.split(/\s*\/\s*/)[0].toLowerCase();
  const status = STATUSES[first] ?? STATUSES[raw.toLowerCase()];
  return status ? { status, note: cellText(table.get(row, 'note')) } : null;
}

export const OVERRIDE_CHOICES = ['ACCEPTED / 受理', 'REJECTED / 不受理', 'REVIEW / 確認中'];
