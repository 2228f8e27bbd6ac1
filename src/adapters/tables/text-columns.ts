// The system sheets' text columns (#17): set-up formats them as Plain text ('@') and the table
// writer puts plain strings there (cells.ts, toTextCell). Columns that hold numbers, booleans or
// Dates, and columns staff type numbers or dates into (Settings values, fiscal years, session
// dates, times and capacities), are not listed: a '@' cell would keep those as text. Checkbox
// columns (Sign-ups' Attended) hold booleans and are not listed either.
//
// The Statistics sheet is not a table and not listed: each refresh clears it (content and
// formats, Sheet.clear) and writes it whole, its text (titles, labels such as 2023-07, '<3')
// with the apostrophe into the General cells the clear left, so a format staff gave it never
// reaches the next refresh (test/integration/text-columns.test.ts); nothing reads it back.

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
  'Member history': [
    'memberId',
    'responseId',
    'kind',
    'email',
    'experience',
    'foreignBackground',
    'emailLanguage',
  ],
  'Payment notices': ['month', 'memberId'],
  // Staff type these; the codes and the account number keep their leading zeros (R31).
  Accounts: [
    'memberId',
    'bankCode',
    'branchCode',
    'accountType',
    'accountNumber',
    'holder',
    'note',
  ],
  // Staff type these; a session ID like 0801 or 2024-05 stays the text typed.
  Sessions: ['sessionId', 'titleJa', 'titleEn', 'topics', 'meetingUrl', 'status', 'check'],
  'Sign-ups': [
    'responseId',
    'respondentEmail',
    'memberIdAnswer',
    'sessionAnswer',
    'purposeAnswer',
    'memberId',
    'name',
    'sessionId',
    'status',
    'reasons',
    'autoStatus',
    'notified',
    'override',
    'note',
  ],
};

/** Whether the column `key` of the sheet `spec` is one of the system's text columns. */
export function isTextColumn(spec: Named, key: string): boolean {
  return TEXT_COLUMNS[spec.name]?.includes(key) ?? false;
}

/** The keys of a sheet's text columns (empty for sheets the system does not format). */
export function textColumnKeys(spec: Named): readonly string[] {
  return TEXT_COLUMNS[spec.name] ?? [];
}
