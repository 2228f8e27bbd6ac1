// Sheets number formats: how a cell value is displayed (getDisplayValues, the exported
// .xlsx). Dates are numbers here (serial days since 1899-12-30, wall-clock in the
// spreadsheet's zone); a cell is a date exactly when its number format is a date format,
// which is also how Sheets decides whether getValues returns a Date.

import { MONTH_NAMES, WEEKDAY_NAMES } from '../zone';
import { serialFields } from './zone';

/** What a cell holds: '' is empty; dates and times are serial numbers with a date format. */
export type CellValue = string | number | boolean;

type Token =
  | { kind: 'lit'; text: string }
  | { kind: 'date'; letter: string; count: number }
  | { kind: 'ampm'; short: boolean }
  | { kind: 'elapsed'; unit: 'h' | 'm' | 's' }
  | { kind: 'frac'; digits: number }
  | { kind: 'num'; char: string }
  | { kind: 'text' };

interface Section {
  tokens: Token[];
  isDate: boolean;
}

const GENERAL = /^\s*general\s*$/i;
const parsedCache = new Map<string, Section[]>();

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !inQuote && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === '"' && !inBracket) inQuote = !inQuote;
    else if (ch === '[' && !inQuote) inBracket = true;
    else if (ch === ']' && !inQuote) inBracket = false;
    if (ch === ';' && !inQuote && !inBracket) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function tokenize(section: string): Section {
  const tokens: Token[] = [];
  let isDate = false;
  let i = 0;
  const lit = (text: string) => tokens.push({ kind: 'lit', text });
  while (i < section.length) {
    const ch = section[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end + 1;
      if (inner.startsWith('$')) lit(inner.slice(1).split('-')[0]);
      else if (/^(h+|m+|s+)$/i.test(inner)) {
        tokens.push({ kind: 'elapsed', unit: inner[0].toLowerCase() as 'h' | 'm' | 's' });
        isDate = true;
      }
      // colours and conditions ([Red], [>100]) do not change the text
    } else if (ch === '_') {
      lit(' ');
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (section.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'ampm', short: false });
      isDate = true;
      i += 5;
    } else if (section.slice(i, i + 3).toLowerCase() === 'a/p') {
      tokens.push({ kind: 'ampm', short: true });
      isDate = true;
      i += 3;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ kind: 'date', letter: lower, count: j - i });
      isDate = true;
      i = j;
    } else if (ch === '.' && isDate && /^\.0+/.test(section.slice(i))) {
      const m = /^\.(0+)/.exec(section.slice(i))!;
      tokens.push({ kind: 'frac', digits: m[1].length });
      i += m[0].length;
    } else if ('0#?,.%'.includes(ch)) {
      tokens.push({ kind: 'num', char: ch });
      i++;
    } else if ((ch === 'E' || ch === 'e') && /^[eE][+-]/.test(section.slice(i, i + 2))) {
      tokens.push({ kind: 'num', char: 'E' });
      i += 2;
    } else if (ch === '@') {
      tokens.push({ kind: 'text' });
      i++;
    } else {
      lit(ch);
      i++;
    }
  }
  return { tokens, isDate };
}

function parseFormat(format: string): Section[] {
  let sections = parsedCache.get(format);
  if (!sections) {
    sections = GENERAL.test(format) ? [] : splitSections(format).map(tokenize);
    parsedCache.set(format, sections);
  }
  return sections;
}

/** True when a value in a cell with this format is a date, time or date-time. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const sections = parseFormat(format);
  return sections.length > 0 && sections[0].isDate;
}

/** True when the format is plain text (`@`): strings typed into it stay as given. */
export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

/** Sheets' automatic display of a number: at most 15 significant digits. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (!Number.isFinite(n)) return '#NUM!';
  return String(Number.parseFloat(n.toPrecision(15)))
    .replace('e+', 'E+')
    .replace('e-', 'E-');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `m` means minutes right after an hour token or right before a seconds token. */
function isMinute(tokens: Token[], index: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === 'date') {
      if (t.letter === 'h') return true;
      break;
    }
    if (t.kind === 'elapsed') return t.unit === 'h';
  }
  for (let j = index + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'date') return t.letter === 's';
  }
  return false;
}

function formatDate(serial: number, section: Section): string {
  const { tokens } = section;
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const hasFrac = tokens.some((t) => t.kind === 'frac');
  // Round to the shown precision first, as Sheets does (12:00:59.6 shows 12:01:00).
  const step = hasFrac ? 86_400_000 : 86_400;
  const f = serialFields(Math.round(serial * step) / step);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'num':
        out += t.char === 'E' ? 'E+' : t.char;
        break;
      case 'text':
        break;
      case 'ampm':
        out += f.hour < 12 ? (t.short ? 'A' : 'AM') : t.short ? 'P' : 'PM';
        break;
      case 'frac':
        out += '.' + pad(f.millisecond, 3).slice(0, t.digits).padEnd(t.digits, '0');
        break;
      case 'elapsed': {
        const per = t.unit === 'h' ? 24 : t.unit === 'm' ? 1440 : 86400;
        out += String(Math.floor(serial * per + 1e-9));
        break;
      }
      case 'date': {
        const c = t.count;
        if (t.letter === 'y') out += c <= 2 ? pad(f.year % 100, 2) : String(f.year);
        else if (t.letter === 'd') {
          if (c === 1) out += String(f.day);
          else if (c === 2) out += pad(f.day, 2);
          else if (c === 3) out += WEEKDAY_NAMES[f.weekday].slice(0, 3);
          else out += WEEKDAY_NAMES[f.weekday];
        } else if (t.letter === 'h') {
          const hour = hasAmPm ? f.hour % 12 || 12 : f.hour;
          out += c === 1 ? String(hour) : pad(hour, 2);
        } else if (t.letter === 's') out += c === 1 ? String(f.second) : pad(f.second, 2);
        else if (isMinute(tokens, i)) out += c === 1 ? String(f.minute) : pad(f.minute, 2);
        else if (c === 1) out += String(f.month);
        else if (c === 2) out += pad(f.month, 2);
        else if (c === 3) out += MONTH_NAMES[f.month - 1].slice(0, 3);
        else if (c === 4) out += MONTH_NAMES[f.month - 1];
        else out += MONTH_NAMES[f.month - 1][0];
        break;
      }
    }
  }
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(n: number, section: Section): string {
  const { tokens } = section;
  const placeholders = tokens.filter((t) => t.kind === 'num');
  const chars = placeholders.map((t) => (t as { char: string }).char).join('');
  const percents = (chars.match(/%/g) ?? []).length;
  const value = n * 100 ** percents;
  const pattern = chars.replace(/%/g, '');
  const expAt = pattern.indexOf('E');
  const mantissaPattern = expAt >= 0 ? pattern.slice(0, expAt) : pattern;
  const dot = mantissaPattern.indexOf('.');
  const intPattern = dot >= 0 ? mantissaPattern.slice(0, dot) : mantissaPattern;
  const fracPattern = dot >= 0 ? mantissaPattern.slice(dot + 1) : '';
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(intPattern);

  let body: string;
  if (expAt >= 0) {
    const expDigits = (pattern.slice(expAt + 1).match(/0/g) ?? []).length || 2;
    const [m, e] = Math.abs(value).toExponential(maxFrac).split('e');
    const exp = Number(e);
    body = m + 'E' + (exp < 0 ? '-' : '+') + pad(Math.abs(exp), expDigits);
  } else {
    let [intPart, fracPart = ''] = Math.abs(value).toFixed(maxFrac).split('.');
    while (fracPart.length > minFrac && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
    if (intPart === '0' && minInt === 0) intPart = '';
    intPart = intPart.padStart(minInt, '0');
    if (grouped) intPart = groupThousands(intPart);
    body = fracPart ? `${intPart}.${fracPart}` : intPart || '0';
  }

  // Literals before the first placeholder lead, the rest follow the number.
  const first = tokens.findIndex((t) => t.kind === 'num' && t.char !== '%');
  let out = '';
  let numberWritten = false;
  tokens.forEach((t, i) => {
    if (t.kind === 'lit') out += t.text;
    else if (t.kind === 'num') {
      if (t.char === '%') out += '%';
      else if (!numberWritten && (i === first || first < 0)) {
        out += body;
        numberWritten = true;
      }
    }
  });
  if (!numberWritten && first >= 0) out += body;
  return out;
}

function formatText(text: string, section: Section | undefined): string {
  if (!section) return text;
  let out = '';
  for (const t of section.tokens) {
    if (t.kind === 'lit') out += t.text;
    else if (t.kind === 'text') out += text;
  }
  return out;
}

/** The text Sheets shows for a value in a cell with the given number format. */
export function formatValue(value: CellValue, format: string | undefined): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (!format?.includes('@')) return value;
    const sections = parseFormat(format);
    const textSection = sections.find((s) => s.tokens.some((t) => t.kind === 'text'));
    return formatText(value, textSection);
  }
  if (!format || format === '@') return generalNumber(value);
  const sections = parseFormat(format);
  if (sections.length === 0) return generalNumber(value);
  if (sections[0].isDate) return formatDate(value, sections[0]);
  if (!Number.isFinite(value)) return generalNumber(value);
  const numeric = sections.filter((s) => !s.tokens.some((t) => t.kind === 'text'));
  if (value < 0 && numeric.length >= 2) return formatNumber(-value, numeric[1]);
  if (value === 0 && numeric.length >= 3) return formatNumber(0, numeric[2]);
  const text = formatNumber(Math.abs(value), numeric[0] ?? sections[0]);
  // A negative that rounds to zero shows without the sign, like Sheets.
  return value < 0 && /[1-9]/.test(text) ? '-' + text : text;
}
