// The sheets of the online consultation sessions (RULES §8): Sessions, kept by staff (R32),
// and Sign-ups, one row per sign-up-form response with its decision (R34), the emails it was
// told (R35) and the staff's attendance tick (R36). Found by header, like every table.
import { DATE_TIME, DATE_TIME_WIDTH } from './schema';
import type { TableSpec } from './table';

export const SESSIONS = {
  name: 'Sessions',
  columns: [
    { key: 'sessionId', header: 'Session ID / 回のID', staff: true, width: 100, identity: true },
    { key: 'date', header: 'Date / 日付', staff: true, numberFormat: 'yyyy-mm-dd', width: 95 },
    { key: 'start', header: 'Start / 開始', staff: true, numberFormat: 'hh:mm', width: 60 },
    { key: 'end', header: 'End / 終了', staff: true, numberFormat: 'hh:mm', width: 60 },
    { key: 'titleJa', header: 'Title (Japanese) / タイトル（日本語）', staff: true, width: 180 },
    { key: 'titleEn', header: 'Title (English) / タイトル（英語）', staff: true, width: 180 },
    { key: 'topics', header: 'Topics / テーマ', staff: true, width: 140 },
    { key: 'meetingUrl', header: 'Meeting URL / 会議URL', staff: true, width: 200 },
    { key: 'capacity', header: 'Capacity / 定員', staff: true, width: 70 },
    {
      key: 'closesAt',
      header: 'Sign-up closes / 申込締切',
      staff: true,
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'status', header: 'Status / 状態', staff: true, width: 90 },
    { key: 'accepted', header: 'Participants / 参加確定', width: 80 },
    { key: 'waitlisted', header: 'Waiting list / キャンセル待ち', width: 80 },
    {
      key: 'listSentAt',
      header: 'Participant list sent / 参加者一覧送信',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'check', header: 'Check / 要確認', width: 220 },
  ],
} as const satisfies TableSpec;

export const SIGNUPS = {
  name: 'Sign-ups',
  columns: [
    { key: 'responseId', header: 'Response ID / 回答ID', width: 120, identity: true },
    {
      key: 'submittedAt',
      header: 'Signed up at / 申込日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    {
      key: 'lastResponseAt',
      header: 'Last response time / 最終回答時刻',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'respondentEmail', header: 'Respondent email / 回答者メール', width: 180 },
    { key: 'memberIdAnswer', header: 'ID as answered / 回答されたID' },
    { key: 'sessionAnswer', header: 'Session as answered / 回答された回', width: 220 },
    { key: 'purposeAnswer', header: 'Purpose / 目的' },
    { key: 'memberId', header: 'Bansou Net ID / 伴走ネットID' },
    { key: 'name', header: 'Name / 氏名', width: 130 },
    { key: 'sessionId', header: 'Session ID / 回のID' },
    { key: 'status', header: 'Status / 状態', width: 100 },
    { key: 'reasons', header: 'Reason codes / 理由コード', width: 160 },
    { key: 'autoStatus', header: 'Automatic status / 自動判定', width: 100 },
    {
      key: 'decidedAt',
      header: 'Decided at / 判定日時',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'notified', header: 'Status emailed / 通知済みの状態', width: 100 },
    {
      key: 'reminderSentAt',
      header: 'Reminder sent / リマインダー送信',
      numberFormat: DATE_TIME,
      width: DATE_TIME_WIDTH,
    },
    { key: 'override', header: 'Staff override / 事務局判定', staff: true, width: 130 },
    { key: 'note', header: 'Staff note / 事務局メモ', staff: true, width: 200 },
    { key: 'attended', header: 'Attended / 出席', staff: true, width: 70 },
  ],
} as const satisfies TableSpec;
