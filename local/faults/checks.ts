// The invariants every run must keep, counted so the report can print them (each must be 0),
// and the security checks that read the bundle and the manifest.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OfficeWorld } from '../world';
import { readSheet, sheetNames, uncounted } from './play';

export interface Invariants {
  /** Responses with no trace in Members / Applications. */
  lostResponses: number;
  /** A Bansou Net ID given twice, one email with two IDs, or one application with two rows. */
  duplicateIds: number;
  /** Ledger lines (application × supporter) recorded more than once. */
  doublePaidLines: number;
  /** Executions that ended in an exception. */
  uncaughtExceptions: number;
  /** Formula cells in the script's sheets (Google's response sheets are not ours). */
  formulaCells: number;
  /** HTML emails carrying answer text unescaped. */
  unescapedHtml: number;
  /** Emails sent to anyone but a respondent, a registered member or the staff address. */
  strangerRecipients: number;
  /** Personal data (names, emails, addresses, phones) found in the Log sheet, console or alerts. */
  personalDataInLogs: number;
  /** A session confirmation, promotion or reminder sent twice to one person (R35). */
  sessionMailTwice: number;
  /** First few problems, for the report. */
  examples: string[];
}

export const MUST_BE_ZERO: (keyof Omit<Invariants, 'examples'>)[] = [
  'lostResponses',
  'duplicateIds',
  'doublePaidLines',
  'uncaughtExceptions',
  'formulaCells',
  'unescapedHtml',
  'strangerRecipients',
  'personalDataInLogs',
  'sessionMailTwice',
];

export function emptyInvariants(): Invariants {
  return {
    lostResponses: 0,
    duplicateIds: 0,
    doublePaidLines: 0,
    uncaughtExceptions: 0,
    formulaCells: 0,
    unescapedHtml: 0,
    strangerRecipients: 0,
    personalDataInLogs: 0,
    sessionMailTwice: 0,
    examples: [],
  };
}

export function addInvariants(into: Invariants, more: Invariants): void {
  for (const key of MUST_BE_ZERO) into[key] += more[key];
  into.examples.push(...more.examples.slice(0, Math.max(0, 10 - into.examples.length)));
}

/** A sheet as objects keyed by the English half of each header. */
export function tableRows(world: OfficeWorld, name: string): Record<string, unknown>[] {
  const values = readSheet(world, world.ss.getSheetByName(name));
  if (values.length === 0) return [];
  const header = values[0].map((h) => String(h).split(' / ')[0]);
  return values.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

export interface RunFacts {
  registrationIds: string[];
  applicationIds: string[];
  /** Sign-ups of the online sessions; absent in runs without them. */
  signupIds?: string[];
  /** Respondents' emails (trimmed, lower case). */
  respondents: Set<string>;
  /**
   * Personal values that must never appear in logs or alerts. Short values are left out:
   * they would match unrelated text by chance.
   */
  personal: string[];
  /**
   * Answers that must reach HTML email only escaped (each containing `<` or `>`).
   */
  markup: string[];
}

export function checkRun(world: OfficeWorld, facts: RunFacts): Invariants {
  const out = emptyInvariants();
  const note = (text: string) => {
    if (out.examples.length < 10) out.examples.push(text);
  };
  const members = tableRows(world, 'Members');
  const applications = tableRows(world, 'Applications');

  // Each response recorded exactly once.
  const registrationSeen = new Map<string, number>();
  for (const m of members) {
    for (const id of String(m['Registration response IDs']).split(/[\s,]+/)) {
      if (id) registrationSeen.set(id, (registrationSeen.get(id) ?? 0) + 1);
    }
  }
  for (const id of facts.registrationIds) {
    const n = registrationSeen.get(id) ?? 0;
    if (n === 0) {
      out.lostResponses++;
      note(`registration ${id} is in no member's row`);
    } else if (n > 1) {
      out.duplicateIds++;
      note(`registration ${id} is recorded ${n} times`);
    }
  }
  const applicationSeen = new Map<string, number>();
  for (const a of applications) {
    const id = String(a['Response ID']);
    applicationSeen.set(id, (applicationSeen.get(id) ?? 0) + 1);
  }
  for (const id of facts.applicationIds) {
    const n = applicationSeen.get(id) ?? 0;
    if (n === 0) {
      out.lostResponses++;
      note(`application ${id} has no row`);
    } else if (n > 1) {
      out.duplicateIds++;
      note(`application ${id} has ${n} rows`);
    }
  }
  const signupSeen = new Map<string, number>();
  for (const s of tableRows(world, 'Sign-ups')) {
    const id = String(s['Response ID']);
    signupSeen.set(id, (signupSeen.get(id) ?? 0) + 1);
  }
  for (const id of facts.signupIds ?? []) {
    const n = signupSeen.get(id) ?? 0;
    if (n === 0) {
      out.lostResponses++;
      note(`sign-up ${id} has no row`);
    } else if (n > 1) {
      out.duplicateIds++;
      note(`sign-up ${id} has ${n} rows`);
    }
  }
  const memberIds = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const m of members) {
    const id = String(m['Bansou Net ID']);
    memberIds.set(id, (memberIds.get(id) ?? 0) + 1);
    const email = String(m.Email).trim().toLowerCase();
    emails.set(email, (emails.get(email) ?? 0) + 1);
  }
  for (const [id, n] of memberIds) {
    if (n > 1) {
      out.duplicateIds++;
      note(`ID ${id} given ${n} times`);
    }
  }
  for (const [email, n] of emails) {
    if (n > 1) {
      out.duplicateIds++;
      note(`one email has ${n} member rows (${n} IDs)`);
      void email;
    }
  }

  // R22: every payment line exactly once.
  const lines = new Map<string, number>();
  for (const l of tableRows(world, 'Ledger')) {
    const key = `${l['Response ID']}|${l['Bansou Net ID']}`;
    lines.set(key, (lines.get(key) ?? 0) + 1);
  }
  for (const [key, n] of lines) {
    if (n > 1) {
      out.doublePaidLines += n - 1;
      note(`ledger line ${key} recorded ${n} times`);
    }
  }

  for (const e of world.rt.executions) {
    if (e.error) {
      out.uncaughtExceptions++;
      note(`${e.functionName} threw: ${e.error.slice(0, 200)}`);
    }
  }

  out.formulaCells = countFormulaCells(world, note);

  // Mail: recipients, and HTML escaping.
  const staff = world.staffEmail.toLowerCase();
  const allowed = new Set([...facts.respondents, staff]);
  for (const m of members) allowed.add(String(m.Email).trim().toLowerCase());
  const outbox = world.rt.mail.outbox;
  for (const mail of outbox) {
    for (const to of [...mail.to, ...mail.cc, ...mail.bcc]) {
      if (!allowed.has(to.trim().toLowerCase())) {
        out.strangerRecipients++;
        note(`mail "${mail.subject.slice(0, 60)}" went to a stranger`);
      }
    }
  }
  // R35: the mails that carry the meeting URL go once per person and session (the subject
  // names the session).
  const sessionMails = new Map<string, number>();
  for (const mail of outbox) {
    if (!/meet\.example\.org|参加用URL|Meeting link/.test(mail.body)) continue;
    if (mail.to.some((t) => t.toLowerCase() === staff)) continue;
    const key = `${mail.to.join(',').toLowerCase()}|${mail.subject}`;
    sessionMails.set(key, (sessionMails.get(key) ?? 0) + 1);
  }
  for (const [key, n] of sessionMails) {
    if (n > 1) {
      out.sessionMailTwice += n - 1;
      note(`session mail "${key.split('|')[1].slice(0, 60)}" sent ${n} times to one person`);
    }
  }
  const markup = facts.markup.filter((s) => s.length >= 3);
  for (const mail of outbox) {
    const html = mail.htmlBody ?? '';
    if (/<(script|img|iframe|svg)\b/i.test(html)) {
      out.unescapedHtml++;
      note(`HTML mail "${mail.subject.slice(0, 60)}" carries live markup`);
      continue;
    }
    if (markup.some((s) => html.includes(s))) {
      out.unescapedHtml++;
      note(`HTML mail "${mail.subject.slice(0, 60)}" carries an answer unescaped`);
    }
  }

  // R27: no personal data in the Log sheet, the console or staff alerts.
  const logText = readSheet(world, world.ss.getSheetByName('Log'))
    .map((row) => row.map(String).join('\u0001'))
    .join('\n');
  const consoleText = world.rt.logs.lines.map((l) => l.message).join('\n');
  const alertText = outbox
    .filter((m) => m.to.some((t) => t.toLowerCase() === staff))
    .map((m) => `${m.subject}\n${m.body}`)
    .join('\n');
  const places: [string, string][] = [
    ['Log sheet', logText],
    ['console', consoleText],
    ['staff alert', alertText],
  ];
  const personal = new Set(facts.personal.filter((s) => s.trim().length >= 6));
  for (const m of members) {
    for (const key of ['Email', 'Name', 'Mailing address', 'Phone']) {
      const v = String(m[key] ?? '');
      if (v.trim().length >= 6) personal.add(v);
    }
  }
  personal.delete(world.staffEmail);
  for (const value of personal) {
    for (const [where, text] of places) {
      if (text.includes(value)) {
        out.personalDataInLogs++;
        note(`personal data (${value.length} chars) found in the ${where}`);
      }
    }
  }
  return out;
}

/** Formula cells in every sheet but Google's `Form Responses N`. */
export function countFormulaCells(
  world: OfficeWorld,
  note: (s: string) => void = () => {},
): number {
  let n = 0;
  for (const name of sheetNames(world)) {
    const formulas = uncounted(world, () => {
      const sheet = world.ss.getSheetByName(name)!;
      return sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getFormulas();
    });
    formulas.forEach((row, r) => {
      row.forEach((f, c) => {
        if (f !== '') {
          n++;
          note(`formula in ${name} R${r + 1}C${c + 1}`);
        }
      });
    });
  }
  return n;
}

// ---- security review, made testable ---------------------------------------------------------

export const EXPECTED_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
];

export interface SecurityFindings {
  scopes: string[];
  /** Scopes not in the expected list, or expected ones missing. */
  scopeProblems: string[];
  /** Scopes the README does not name (each must be justified there). */
  scopesNotInReadme: string[];
  /** Forbidden names found in dist/Code.js. */
  forbiddenInBundle: string[];
}

const FORBIDDEN = [
  /\bGmailApp\b/,
  /\bUrlFetchApp\b/,
  /\bfunction\s+doGet\b/,
  /\bfunction\s+doPost\b/,
  /\bdoGet\b/,
  /\bdoPost\b/,
];

export function securityReview(root = resolve(__dirname, '..', '..')): SecurityFindings {
  const manifest = JSON.parse(readFileSync(resolve(root, 'appsscript.json'), 'utf8')) as {
    oauthScopes?: string[];
  };
  const scopes = manifest.oauthScopes ?? [];
  const scopeProblems = [
    ...scopes.filter((s) => !EXPECTED_SCOPES.includes(s)).map((s) => `unexpected scope ${s}`),
    ...EXPECTED_SCOPES.filter((s) => !scopes.includes(s)).map((s) => `missing scope ${s}`),
  ];
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const bundle = readFileSync(resolve(root, 'dist', 'Code.js'), 'utf8');
  return {
    scopes,
    scopeProblems,
    scopesNotInReadme: scopes.filter((s) => !readme.includes(s.split('/').pop()!)),
    forbiddenInBundle: FORBIDDEN.filter((re) => re.test(bundle)).map((re) => re.source),
  };
}
