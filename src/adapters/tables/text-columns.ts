// The system sheets' text columns (#17): set-up formats them as Plain text ('@') and the table
// writer puts plain strings there (cells.ts, toTextCell). Columns that hold numbers, booleans or
// Dates, and columns staff type numbers or dates into (Settings values, fiscal years), are not
// listed: a '@' cell would keep those as text.

export const PLAIN_TEXT = '@';

/** A sheet by its name (a TableSpec; not imported: table.ts uses this module). */
interface Named {
  name: string;
}

const TEXT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  Members: [
    'memberId',
    'email',
    'name',
    'phoneticName',
    'phone',
    'address',
    'organization',
    'area',
    'languages',
    'foreignBackground',
    'experience',
    'emailLanguage',
    'consent',
    'responseIds',
  ],
  Documents: ['memberId', 'note'],
  Course: ['memberId', 'module', 'responseId', 'status'],
  Applications: [
    'responseId',
    'respondentEmail',
    'applicantId',
    'applicantName',
    'secondId',
    'supportDate',
    'startTime',
    'endTime',
    'recipientName',
    'recipientBirthYear',
    'recipientKey',
    'issues',
    'prefecture',
    'description',
    'missingFields',
    'status',
    'reasons',
    'supporters',
    'paymentMonth',
    'autoStatus',
    'paidIn',
    'flag',
    'override',
    'note',
  ],
  Ledger: ['responseId', 'memberId', 'settledMonth', 'applicationMonth'],
  'Payment holds': ['month', 'kind', 'responseId', 'memberId', 'missing', 'applicationMonth'],
  'Payment runs': ['month'],
  Outbox: ['to', 'subject', 'body', 'htmlBody', 'kind', 'ref', 'status', 'lastError'],
  Log: ['action', 'responseId', 'memberId', 'change', 'detail', 'by'],
  Templates: ['key', 'lang', 'subject', 'body'],
};

/** Whether the column `key` of the sheet `spec` is one of the system's text columns. */
export function isTextColumn(spec: Named, key: string): boolean {
  return TEXT_COLUMNS[spec.name]?.includes(key) ?? false;
}

/** The keys of a sheet's text columns (empty for sheets the system does not format). */
export function textColumnKeys(spec: Named): readonly string[] {
  return TEXT_COLUMNS[spec.name] ?? [];
}
