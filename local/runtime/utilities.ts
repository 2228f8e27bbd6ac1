// The local `Utilities` global. In Apps Script these are local computations, not round trips,
// but they are counted as 'Utilities' so the benchmark can see how often the script uses them.
// Time zones are resolved with Intl, never with the machine's own zone.

import { createHash } from 'node:crypto';
import { isDate, type RuntimeContext } from './context';
import { isValidTimeZone, MONTH_NAMES, WEEKDAY_NAMES, wallFields, zoneOffset } from './zone';

// ---------------------------------------------------------------------------------------------
// Time zones

interface Zone {
  /** The id as given, or 'GMT' when Java would not know it. */
  id: string;
  /** Fixed offset (ms) for Java custom ids like GMT+09:00; undefined for IANA zones. */
  fixedOffset?: number;
}

const zoneCache = new Map<string, Zone>();

const CUSTOM_ID = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;

function resolveZone(timeZone: string): Zone {
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  let zone: Zone;
  const custom = CUSTOM_ID.exec(timeZone);
  if (custom) {
    const sign = custom[1] === '-' ? -1 : 1;
    zone = {
      id: timeZone,
      fixedOffset: sign * (Number(custom[2]) * 60 + Number(custom[3] ?? 0)) * 60000,
    };
  } else if (isValidTimeZone(timeZone)) {
    zone = { id: timeZone };
  } else {
    // Java's TimeZone.getTimeZone falls back to GMT for an id it does not know, and so does
    // Utilities.formatDate: no error, just GMT.
    zone = { id: 'GMT', fixedOffset: 0 };
  }
  zoneCache.set(timeZone, zone);
  return zone;
}

/** Calendar fields of the instant as seen in the zone, with the zone's offset (ms) then. */
export function zonedFields(ms: number, timeZone: string) {
  const zone = resolveZone(timeZone);
  const offset = zone.fixedOffset ?? zoneOffset(ms, zone.id);
  return { ...wallFields(ms + offset), offset };
}

// Java's short names where they differ from what Intl's en-US data gives ("GMT+9").
const JAVA_SHORT_NAMES: Record<string, [standard: string, daylight: string]> = {
  'Asia/Tokyo': ['JST', 'JDT'],
  Japan: ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  GMT: ['GMT', 'GMT'],
  'Etc/GMT': ['GMT', 'GMT'],
};

const nameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneName(ms: number, zone: Zone, offset: number, long: boolean): string {
  if (zone.fixedOffset !== undefined)
    return zone.id === 'GMT' ? 'GMT' : `GMT${isoOffset(offset, true)}`;
  if (!long && JAVA_SHORT_NAMES[zone.id]) {
    // Tokyo has had no DST since 1951; the daylight name only matters for old dates.
    return JAVA_SHORT_NAMES[zone.id][0];
  }
  const key = `${zone.id}|${long}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.id,
      timeZoneName: long ? 'long' : 'short',
    });
    nameFormats.set(key, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // Intl writes "GMT+9" where Java writes "GMT+09:00".
  return /^GMT[+-]/.test(name) ? `GMT${isoOffset(offset, true)}` : name;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function isoOffset(offset: number, colon: boolean): string {
  const minutes = Math.trunc(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + pad(Math.floor(abs / 60), 2) + (colon ? ':' : '') + pad(abs % 60, 2);
}

function dayOfYear(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000 + 1;
}

/**
 * Java SimpleDateFormat for one instant in one zone. Names are English, as in
 * Utilities.formatDate. Unknown pattern letters throw like Java does.
 */
export function formatInZone(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const f = zonedFields(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a literal quote; 'text' is literal text, where '' is again a quote.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern[i++];
      }
      if (i >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += formatField(c, n, f, ms, zone);
  }
  return out;
}

function formatField(
  letter: string,
  count: number,
  f: ReturnType<typeof zonedFields>,
  ms: number,
  zone: Zone,
): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': // week year: equal to the calendar year except around New Year; kept simple
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTH_NAMES[f.month - 1];
      if (count === 3) return MONTH_NAMES[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f.year, f.month, f.day), count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? WEEKDAY_NAMES[f.weekday] : WEEKDAY_NAMES[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(ms, zone, f.offset, count >= 4);
    case 'Z':
      return isoOffset(f.offset, false);
    case 'X':
      if (count > 3) throw new Error(`invalid ISO 8601 format: length=${count}`);
      if (Math.trunc(f.offset / 60000) === 0) return 'Z';
      if (count === 1) return isoOffset(f.offset, false).slice(0, 3);
      return isoOffset(f.offset, count === 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes, charsets, digests

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export type DigestAlgorithmName = keyof typeof DigestAlgorithm;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export type CharsetName = keyof typeof Charset;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Java bytes are signed: Apps Script returns byte[] values in -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

function fromBytes(bytes: ArrayLike<number>): Buffer {
  const buf = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) buf[i] = Number(bytes[i]) & 0xff;
  return buf;
}

function encodeString(text: string, charset: string | undefined): Buffer {
  if (charset === Charset.US_ASCII) {
    // Java replaces characters US-ASCII cannot hold with '?'.
    return Buffer.from(
      Array.from(text, (ch) => ((ch.codePointAt(0) ?? 0) < 128 ? ch : '?')).join(''),
      'latin1',
    );
  }
  return Buffer.from(text, 'utf8');
}

function decodeBytes(buf: Buffer, charset: string | undefined): string {
  if (charset === Charset.US_ASCII) {
    return Array.from(buf, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
  }
  return buf.toString('utf8');
}

function toBuffer(value: unknown, charset?: string): Buffer {
  if (typeof value === 'string') return encodeString(value, charset);
  if (Array.isArray(value) || value instanceof Uint8Array) return fromBytes(value);
  return encodeString(String(value), charset);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_WEB_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeBase64(encoded: string, webSafe: boolean): Buffer {
  const text = String(encoded).replace(/\s+/g, '');
  if (
    !(webSafe ? BASE64_WEB_SAFE : BASE64).test(text) ||
    text.replace(/=+$/, '').length % 4 === 1
  ) {
    throw new Error('Could not decode string.');
  }
  return Buffer.from(text, webSafe ? 'base64url' : 'base64');
}

// ---------------------------------------------------------------------------------------------
// Blob

/** A minimal Blob: enough for mail attachments and byte round trips. */
export class LocalBlob {
  private bytes: Buffer;
  constructor(
    data: unknown,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = toBuffer(data ?? '');
  }
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  getDataAsString(charset?: string): string {
    return decodeBytes(this.bytes, charset);
  }
  setDataFromString(text: string, charset?: string): LocalBlob {
    this.bytes = encodeString(String(text), charset);
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): LocalBlob {
    this.contentType = contentType;
    return this;
  }
  copyBlob(): LocalBlob {
    return new LocalBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getBlob(): LocalBlob {
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// printf

function formatOne(
  flags: string,
  widthText: string | undefined,
  precisionText: string | undefined,
  conversion: string,
  arg: unknown,
): string {
  const width = widthText ? Number(widthText) : 0;
  const precision = precisionText !== undefined ? Number(precisionText) : undefined;
  let body: string;
  let numeric = true;
  switch (conversion) {
    case 's':
      numeric = false;
      body = String(arg);
      if (precision !== undefined) body = body.slice(0, precision);
      break;
    case 'd':
    case 'i':
      body = String(Math.trunc(Number(arg)));
      break;
    case 'f':
      body = Number(arg).toFixed(precision ?? 6);
      break;
    case 'e':
    case 'E':
      body = Number(arg).toExponential(precision ?? 6);
      if (conversion === 'E') body = body.toUpperCase();
      break;
    case 'x':
    case 'X':
      body = Math.trunc(Number(arg)).toString(16);
      if (conversion === 'X') body = body.toUpperCase();
      break;
    case 'o':
      body = Math.trunc(Number(arg)).toString(8);
      break;
    default: // 'c'
      numeric = false;
      body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
  }
  if (numeric && !body.startsWith('-')) {
    if (flags.includes('+')) body = `+${body}`;
    else if (flags.includes(' ')) body = ` ${body}`;
  }
  if (body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+ -]/.test(body) ? body[0] : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

/** sprintf-like formatting as in Utilities.formatString. */
export function sprintf(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (...m: string[]) => {
      if (m[4] === '%') return '%';
      return formatOne(m[1], m[2], m[3], m[4], args[next++]);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The service

export interface UtilitiesOptions {
  /** Seed of the UUID sequence: the same seed gives the same UUIDs, run after run. */
  uuidSeed?: string;
}

function typeNameForSignature(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value === undefined) return 'undefined';
  if (isDate(value)) return 'Date';
  return 'Object';
}

export class UtilitiesService {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  private uuidSeed: string;
  private uuidCount = 0;

  constructor(
    private readonly ctx: RuntimeContext,
    options: UtilitiesOptions = {},
  ) {
    this.uuidSeed = options.uuidSeed ?? 'local-apps-script';
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.ctx.call('Utilities', 'formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const types = [date, timeZone, format].map(typeNameForSignature).join(',');
      throw new Error(
        `The parameters (${types}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatInZone(ms, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.ctx.call('Utilities', 'formatString');
    return sprintf(template, ...args);
  }

  /** RFC 4122 version-4 shape, from a seeded counter so that runs are reproducible. */
  getUuid(): string {
    this.ctx.call('Utilities', 'getUuid');
    const n = this.uuidCount++;
    const b = createHash('sha256').update(`${this.uuidSeed}:${n}`).digest().subarray(0, 16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** The script waits: the world's clock moves on, nothing really sleeps. */
  sleep(milliseconds: number): void {
    this.ctx.call('Utilities', 'sleep');
    const ms = Number(milliseconds);
    if (ms > 0) this.ctx.clock.advance(ms);
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    this.ctx.call('Utilities', 'computeDigest');
    const nodeName = NODE_DIGEST[String(algorithm)];
    if (!nodeName) throw new Error(`Digest algorithm not supported locally: ${String(algorithm)}`);
    return toSignedBytes(createHash(nodeName).update(toBuffer(value, charset)).digest());
  }

  base64Encode(data: unknown, charset?: string): string {
    this.ctx.call('Utilities', 'base64Encode');
    return toBuffer(data, charset).toString('base64');
  }

  /** Web-safe alphabet (- and _), padding kept as Apps Script does. */
  base64EncodeWebSafe(data: unknown, charset?: string): string {
    this.ctx.call('Utilities', 'base64EncodeWebSafe');
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: string): number[] {
    this.ctx.call('Utilities', 'base64Decode');
    return toSignedBytes(decodeBase64(encoded, false));
  }

  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    this.ctx.call('Utilities', 'base64DecodeWebSafe');
    return toSignedBytes(decodeBase64(encoded, true));
  }

  newBlob(data: unknown, contentType?: string, name?: string): LocalBlob {
    this.ctx.call('Utilities', 'newBlob');
    return new LocalBlob(data, contentType ?? null, name ?? null);
  }
}
