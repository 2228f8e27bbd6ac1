// A sent email as an RFC 5322 message (.eml), so that any mail program opens it: UTF-8 header
// words encoded (RFC 2047), text and HTML as multipart/alternative, bodies in base64.
import type { SentMail } from '../runtime/mail';

const CRLF = '\r\n';

/** RFC 2047 encoded-words of at most 75 characters, never splitting a character. */
export function encodeHeaderWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    // 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk !== '') words.push(chunk);
  return words
    .map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`)
    .join(`${CRLF} `);
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return (b64.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in Tokyo time (UTC+9, no daylight saving). */
export function rfc5322Date(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0900`
  );
}

export function toEml(mail: SentMail, options: { from: string; seq: number }): string {
  const from = mail.name ? `${encodeHeaderWord(mail.name)} <${options.from}>` : options.from;
  const headers = [
    `From: ${from}`,
    `To: ${mail.to.join(', ')}`,
    ...(mail.cc.length ? [`Cc: ${mail.cc.join(', ')}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeHeaderWord(mail.subject)}`,
    `Date: ${rfc5322Date(mail.sentAt)}`,
    `Message-ID: <${options.seq}.${mail.sentAt}@bansou-net.local>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) =>
    [
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join(CRLF);
  if (!mail.htmlBody) return [...headers, part('text/plain', mail.body), ''].join(CRLF);
  const boundary = `=_bansou_${options.seq}_${mail.sentAt}`;
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    part('text/plain', mail.body),
    `--${boundary}`,
    part('text/html', mail.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
