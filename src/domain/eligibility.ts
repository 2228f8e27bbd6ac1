// R7 and R19: who may be paid. Registered, and either declared experience or the required
// Basic course questionnaires completed by the submission day.
import type { Settings } from './settings-types';
import { nfkc } from './text';
import type { CourseCompletion, Day, MemberFacts } from './types';

const COURSES: { pattern: RegExp; name: string; modules: number }[] = [
  { pattern: /^(?:basic|基礎(?:編|講座|コース)?)(?:module)?(\d{1,2})$/, name: 'Basic', modules: 5 },
  {
    pattern: /^(?:advanced|応用(?:編|講座|コース)?)(?:module)?(\d{1,2})$/,
    name: 'Advanced',
    modules: 4,
  },
];

function readModule(part: string): string | null {
  // 'Basic 1', 'basic-1', 'ＢＡＳＩＣ　１', '基礎編1', '基礎 第1回' all read as one module.
  const s = nfkc(part)
    .toLowerCase()
    .replace(/[\s\-_#.:・()（）]/g, '')
    .replace(/第(\d+)回?/, '$1');
  for (const course of COURSES) {
    const m = course.pattern.exec(s);
    if (m) {
      const n = Number(m[1]);
      return n >= 1 && n <= course.modules ? `${course.name} ${n}` : null;
    }
  }
  return null;
}

/**
 * The canonical module name ('Basic 1'..'Basic 5', 'Advanced 1'..'Advanced 4'), or null.
 * A bilingual choice such as '基礎1 / Basic 1' reads when its parts agree.
 */
export function canonicalModule(raw: string): string | null {
  const whole = readModule(raw);
  if (whole) return whole;
  const parts = nfkc(raw)
    .split('/')
    .map(readModule)
    .filter((p): p is string => p !== null);
  return parts.length > 0 && parts.every((p) => p === parts[0]) ? parts[0] : null;
}

/**
 * R19: Basic 1–4, plus Basic 5 for support on or after settings.basic5RequiredFrom.
 * An unknown support day (null) requires all five: the strict reading is the safe one.
 */
export function requiredModules(
  supportDay: Day | null,
  settings: Pick<Settings, 'basic5RequiredFrom'>,
): string[] {
  const modules = ['Basic 1', 'Basic 2', 'Basic 3', 'Basic 4'];
  if (supportDay === null || supportDay >= settings.basic5RequiredFrom) modules.push('Basic 5');
  return modules;
}

/**
 * R7: registered AND (declared experience OR every required module completed on or before the
 * submission day). `completions` are that member's; a completion after the submission day does
 * not make an earlier application eligible.
 */
export function isEligible(
  member: MemberFacts | undefined,
  completions: readonly CourseCompletion[],
  supportDay: Day | null,
  submissionDay: Day,
  settings: Pick<Settings, 'basic5RequiredFrom'>,
): boolean {
  if (!member) return false;
  if (member.experience) return true;
  const done = new Set<string>();
  for (const c of completions) {
    const module = canonicalModule(c.module);
    if (module && c.completedOn !== '' && c.completedOn <= submissionDay) done.add(module);
  }
  return requiredModules(supportDay, settings).every((m) => done.has(m));
}

/**
 * R7/R19 as a member's course stood on the submission day: the required modules completed by
 * then and those still missing (what a NOT_ELIGIBLE email states).
 */
export function courseProgress(
  completions: readonly CourseCompletion[],
  supportDay: Day | null,
  submissionDay: Day,
  settings: Pick<Settings, 'basic5RequiredFrom'>,
): { done: string[]; missing: string[] } {
  const done = new Set<string>();
  for (const c of completions) {
    const module = canonicalModule(c.module);
    if (module && c.completedOn !== '' && c.completedOn <= submissionDay) done.add(module);
  }
  const required = requiredModules(supportDay, settings);
  return {
    done: required.filter((m) => done.has(m)),
    missing: required.filter((m) => !done.has(m)),
  };
}
