// The Log sheet: what the system did, identified by response ID and Bansou Net ID only
// (RULES R27: no names, emails or addresses in logs or staff alerts).
import { LOG } from './tables/schema';
import { appendRows } from './tables/table';
import type { Workbook } from './tables/workbook';

export interface LogEntry {
  action: string;
  responseId?: string;
  memberId?: string;
  change?: string;
  detail?: string;
}

export class ActivityLog {
  private readonly pending: LogEntry[] = [];

  constructor(
    private readonly book: Workbook,
    private readonly now: number,
    private readonly by: string,
  ) {}

  add(entry: LogEntry): void {
    this.pending.push(entry);
    console.log(
      [
        entry.action,
        entry.responseId ?? '',
        entry.memberId ?? '',
        entry.change ?? '',
        entry.detail ?? '',
      ]
        .filter((s) => s !== '')
        .join(' '),
    );
  }

  /** Appends the pending lines to the Log sheet, without reading it (it only grows). */
  stage(): void {
    if (this.pending.length === 0) return;
    appendRows(
      this.book.ss,
      LOG,
      this.pending.map((e) => ({
        at: new Date(this.now),
        action: e.action,
        responseId: e.responseId ?? '',
        memberId: e.memberId ?? '',
        change: e.change ?? '',
        detail: e.detail ?? '',
        by: this.by,
      })),
    );
    this.pending.length = 0;
  }
}
