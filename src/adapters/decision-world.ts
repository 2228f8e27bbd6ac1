// Everything a decision reads about members, besides the applications: the member histories (the
// rules read each member as of the application's moment, RULES §3), the Members sheet (names and
// languages for the emails: the staff's current view), the course completions (R19) and the
// documents (R20). Two ways to read them, the same facts either way:
// - by member ID (a form submission): only the rows of the members an application names, found
//   with one TextFinder over Members, Member history, Course and Documents (Table.lookup);
// - whole (Re-decide all, the sweep, the monthly run): every table read once, as before.

import type { DecisionFacts } from '../domain/engine';
import { canonicalId } from '../domain/ids';
import { type Lookup, memberHistories } from '../domain/members';
import type { CourseCompletion, DocumentRecord, MemberVersion } from '../domain/types';
import type { Env } from './env';
import { currentMember, readHistories, versionsOf } from './member-history';
import {
  completionsOf,
  documentsOf,
  type MemberRecord,
  membersOf,
  readCompletions,
  readDocuments,
  readMembers,
} from './records';
import { cellText } from './tables/cells';
import { memberId } from './tables/patterns';
import { COURSE, DOCUMENTS, MEMBER_HISTORY, MEMBERS } from './tables/schema';
import type { Row, Search, Table } from './tables/table';

/** The member facts of one execution's decisions. */
export interface DecisionWorld {
  /** Members as the Members sheet shows them now (names and languages for the emails). */
  readonly members: Lookup<MemberRecord>;
  /** The lookups prepare() makes, to be made together with others in one search (Workbook.search). */
  searches(ids: Iterable<string>): Search[];
  /** Reads ahead what the decisions of these members will need (one search, lookup mode). */
  prepare(ids: Iterable<string>): void;
  /** The facts the engine decides with. */
  facts(): DecisionFacts;
  /** The document records of one member for one fiscal year. */
  docs(memberId: string, fiscalYear: number): DocumentRecord[];
}

/** Every table read whole (many applications decided at once). */
export function wholeWorld(env: Env): DecisionWorld {
  const members = readMembers(env.book, env.settings);
  const histories = readHistories(env.book, env.settings);
  let completions: Map<string, CourseCompletion[]> | null = null;
  let documents: Map<string, DocumentRecord[]> | null = null;
  const facts: DecisionFacts = {
    settings: env.settings,
    histories,
    completions: {
      get: (id) => {
        if (completions === null) completions = readCompletions(env.book, env.settings);
        return completions.get(id);
      },
    },
  };
  return {
    members,
    searches: () => [],
    prepare: () => {},
    facts: () => facts,
    docs: (id, fy) => {
      if (documents === null) documents = byMemberYear(readDocuments(env.book, env.settings));
      return documents.get(`${id}|${fy}`) ?? [];
    },
  };
}

function byMemberYear(records: readonly DocumentRecord[]): Map<string, DocumentRecord[]> {
  const out = new Map<string, DocumentRecord[]>();
  for (const d of records) {
    const k = `${d.memberId}|${d.fiscalYear}`;
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

/**
 * The tables a member world looks members up in: an application's decision needs all four; a
 * sign-up (RULES §8) only Members (name, email language) and Member history (R34 as of its moment).
 */
export type WorldTables = 'decision' | 'members';

/**
 * Only the rows of the members asked for: Members, Member history, Course and Documents rows
 * whose ID cell reads as one of them (`tables`: 'members' leaves Course and Documents unread).
 * Each member is looked up once per execution; prepare() looks up all the members of a decision
 * in one search.
 */
export function memberWorld(env: Env, tables: WorldTables = 'decision'): DecisionWorld {
  const { book, settings } = env;
  // Opened when first asked (a paid edit asks for one member's name only once).
  let opened: {
    members: ReturnType<typeof book.lookupTable<typeof MEMBERS>>;
    history: ReturnType<typeof book.lookupTable<typeof MEMBER_HISTORY>>;
    course: ReturnType<typeof book.lookupTable<typeof COURSE>>;
    documents: ReturnType<typeof book.lookupTable<typeof DOCUMENTS>>;
  } | null = null;
  const decision = tables === 'decision';
  const open = () => {
    opened ??= {
      members: book.lookupTable(MEMBERS),
      history: book.lookupTable(MEMBER_HISTORY),
      course: decision ? book.lookupTable(COURSE) : null,
      documents: decision ? book.lookupTable(DOCUMENTS) : null,
    };
    return opened;
  };
  const canonical = (ids: Iterable<string>) =>
    [...new Set(ids)].filter((id) => canonicalId(id, settings.idPrefix, settings.idWidth) === id);
  const searches = (ids: Iterable<string>): Search[] => {
    const patterns = canonical(ids)
      .filter((id) => !asked.has(id))
      .map((id) => memberId(id, settings.idPrefix));
    if (patterns.length === 0) return [];
    const t = open();
    return [t.members, t.history, t.course, t.documents].flatMap((table) =>
      table ? [{ table: table as Table<string>, key: 'memberId', patterns }] : [],
    );
  };
  const asked = new Set<string>();
  const members = new Map<string, MemberRecord>();
  const histories = new Map<string, MemberVersion[]>();
  const completions = new Map<string, CourseCompletion[]>();
  const documents = new Map<string, DocumentRecord[]>();
  const rowsOf = <K extends string>(
    table: Table<K | 'memberId'> | null,
    patterns: string[],
    ids: Set<string>,
  ): Row[] =>
    table
      ? table
          .lookup('memberId', patterns)
          .filter((r) =>
            ids.has(
              canonicalId(
                cellText(table.get(r, 'memberId')),
                settings.idPrefix,
                settings.idWidth,
              ) ?? '',
            ),
          )
      : [];

  const prepare = (wanted: Iterable<string>): void => {
    // Only canonical IDs can be found (every reader keys members by canonical ID).
    const list = [...wanted];
    const ids = canonical(list).filter((id) => !asked.has(id));
    const todo = searches(ids);
    for (const id of list) asked.add(id);
    if (ids.length === 0) return;
    const patterns = ids.map((id) => memberId(id, settings.idPrefix));
    book.search(todo);
    const t = open();
    const idSet = new Set(ids);
    const memberRows = t.members ? rowsOf(t.members, patterns, idSet) : [];
    const found = t.members ? membersOf(t.members, memberRows, settings) : new Map();
    const current = t.members
      ? memberRows.map((r) => currentMember(t.members!, r, settings)).filter((m) => m !== null)
      : [];
    const versions = t.history
      ? versionsOf(t.history, rowsOf(t.history, patterns, idSet), settings)
      : [];
    const history = memberHistories(versions, current);
    const course = t.course
      ? completionsOf(t.course, rowsOf(t.course, patterns, idSet), settings)
      : new Map<string, CourseCompletion[]>();
    const docs = t.documents
      ? documentsOf(t.documents, rowsOf(t.documents, patterns, idSet), settings)
      : [];
    for (const id of ids) {
      const m = found.get(id);
      if (m) members.set(id, m);
      const h = history.get(id);
      if (h) histories.set(id, h);
      const c = course.get(id);
      if (c) completions.set(id, c);
      documents.set(
        id,
        docs.filter((d) => d.memberId === id),
      );
    }
  };
  const ask = <T>(map: Map<string, T>) => ({
    get: (id: string) => {
      prepare([id]);
      return map.get(id);
    },
  });
  const facts: DecisionFacts = {
    settings,
    histories: ask(histories),
    completions: ask(completions),
  };
  return {
    members: ask(members),
    searches,
    prepare,
    facts: () => facts,
    docs: (id, fy) => {
      prepare([id]);
      return (documents.get(id) ?? []).filter((d) => d.fiscalYear === fy);
    },
  };
}
