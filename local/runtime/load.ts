// Loads the built bundle into a fresh V8 context whose only globals are the runtime's
// services, the way Apps Script evaluates a project: no require, process, setTimeout or Buffer.
// The context's Date follows the world's clock, so the script's `new Date()` is "now" locally.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vm from 'node:vm';
import type { RuntimeContext } from './context';

/** A bundle compiled once: what is evaluated into each new context. */
interface Compiled {
  /** The bundle's size and modification time when compiled (a rebuilt bundle is compiled anew). */
  stamp: string;
  script: vm.Script;
  /** The manifest's oauthScopes next to the bundle (dist/appsscript.json); undefined: none. */
  scopes: string[] | null | undefined;
}

const compiled = new Map<string, Compiled>();

/**
 * The bundle at `bundlePath` compiled (once per content: the runtime evaluates it again for each
 * execution under freshGlobalEachExecution, and a new vm.Script per evaluation would compile the
 * whole file again and, under coverage, keep every copy alive). What gas-local's `require` did
 * for one file: the file's source run in the context under its own file name.
 */
function compiledBundle(bundlePath: string): Compiled {
  const path = resolve(bundlePath);
  const stat = statSync(path);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const known = compiled.get(path);
  if (known && known.stamp === stamp) return known;
  const file = coveredCopy(path);
  // The manifest next to the bundle (dist/appsscript.json): its scopes decide what Session tells.
  const manifest = join(dirname(file), 'appsscript.json');
  let scopes: string[] | null | undefined;
  if (existsSync(manifest)) {
    const listed = (JSON.parse(readFileSync(manifest, 'utf8')) as { oauthScopes?: unknown })
      .oauthScopes;
    scopes = Array.isArray(listed) ? listed.map(String) : null;
  }
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file });
  const entry = { stamp, script, scopes };
  compiled.set(path, entry);
  return entry;
}

/**
 * A Date for the context: `new Date()`, `Date()` and `Date.now()` read the world's clock;
 * with arguments it is the context's own Date. Written as source so that it is created inside
 * the context (its instances are the script's Dates, not Node's).
 */
const CLOCK_DATE_SOURCE = `(function (clockNow) {
  const ContextDate = Date;
  // The instances: a class's own construction is fast (Reflect.construct with a new.target is
  // several times slower, and Dates are made for every date cell a table read returns).
  class Instance extends ContextDate {}
  // A subclass of the context's Date that can also be called without new, like Date itself.
  function LocalDate(...args) {
    if (!new.target) return new ContextDate(clockNow()).toString();
    if (new.target === LocalDate) {
      return args.length === 0 ? new Instance(clockNow()) : new Instance(...args);
    }
    return Reflect.construct(ContextDate, args.length === 0 ? [clockNow()] : args, new.target);
  }
  Object.setPrototypeOf(LocalDate, ContextDate); // Date.UTC, Date.parse
  // Instances of Instance are LocalDate's: same prototype, whose constructor is LocalDate.
  LocalDate.prototype = Instance.prototype;
  Object.defineProperty(LocalDate.prototype, 'constructor', {
    value: LocalDate,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(LocalDate, 'name', { value: 'Date' });
  Object.defineProperty(LocalDate, 'length', { value: 7 });
  LocalDate.now = function now() {
    return clockNow();
  };
  return LocalDate;
})`;

/**
 * Evaluates only `bundlePath` in a new context with `globals`, installs the clock Date and sets
 * `ctx.realm`. Returns the context (the script's global object).
 */
export function loadBundle(bundlePath: string, globals: object, ctx: RuntimeContext): vm.Context {
  const bundle = compiledBundle(bundlePath);
  const context = scriptContext(globals);
  const makeDate = vm.runInContext(CLOCK_DATE_SOURCE, context) as (
    now: () => number,
  ) => DateConstructor;
  const LocalDate = makeDate(() => ctx.clock.now());
  Object.defineProperty(context, 'Date', {
    value: LocalDate,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  ctx.realm = { Date: LocalDate };
  if (bundle.scopes !== undefined) ctx.scopes = bundle.scopes;
  // The clock Date is in place before the bundle's top-level code runs.
  bundle.script.runInContext(context);
  return context;
}

/**
 * A new context whose global object holds `globals` (the services) besides the language's own
 * globals; the script's top-level functions and `var`s become its properties.
 *
 * Where Node offers it (`vm.constants.DONT_CONTEXTIFY`, Node 20.18 and later), the global is an
 * ordinary global object and `globals` are set on it. A contextified object (the older way, kept
 * where that constant is missing) puts an interceptor in front of the global: every global name
 * the script reads (`Math`, `String`, `Object`, `Date`, the services) then takes a call into
 * Node (some 150 ns, ten times a plain global read), and a replay reads millions of them. The
 * script sees the same globals either way: the services as writable, enumerable properties.
 */
export function scriptContext(globals: object): vm.Context {
  // Typed loosely: @types/node of this project may predate the constant.
  const dontContextify = (vm.constants as unknown as { DONT_CONTEXTIFY?: symbol } | undefined)
    ?.DONT_CONTEXTIFY;
  // A copy: contextifying turns the object into the script's global.
  if (dontContextify === undefined) return vm.createContext({ ...globals });
  const context = (vm.createContext as unknown as (contextObject: symbol) => vm.Context)(
    dontContextify,
  );
  for (const [name, value] of Object.entries(globals))
    Object.defineProperty(context, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  return context;
}

/**
 * Coverage of the shipped code as it runs (`npm test`, scripts/coverage.mjs): that script builds
 * coverage/bundle/Code.js, which is dist/Code.js byte for byte plus an inline source map, and
 * names it in BANSOU_COVERAGE_BUNDLE with the SHA-256 of the dist/Code.js it copies in
 * BANSOU_COVERAGE_OF. A bundle with exactly that content (dist/Code.js, or the bench's copy of
 * it) is run from the covered copy, so V8's coverage of it maps back to src/. Any other bundle
 * (test fixtures, a rebuilt dist/) runs as given.
 */
function coveredCopy(file: string): string {
  const covered = process.env.BANSOU_COVERAGE_BUNDLE;
  const of = process.env.BANSOU_COVERAGE_OF;
  if (!covered || !of) return file;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  return hash === of ? resolve(covered) : file;
}
