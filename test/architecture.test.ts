// The layers the folders show (CONTRIBUTING.md): entry points → use cases → adapters → pure
// domain. Every import of src/ (type-only ones too) must point down this list, a use case
// never imports another use case (what several jobs share lives in an adapter or the domain),
// and no two modules import each other, directly or round a loop.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '..', 'src');

type Layer = 'entry' | 'usecases' | 'adapters' | 'domain';
const RANK: Record<Layer, number> = { entry: 0, usecases: 1, adapters: 2, domain: 3 };

/** The layer of a file, by its folder (a path relative to src/, with forward slashes). */
function layerOf(file: string): Layer | null {
  if (file === 'index.ts' || file.startsWith('entry/')) return 'entry';
  if (file.startsWith('usecases/')) return 'usecases';
  if (file.startsWith('adapters/')) return 'adapters';
  if (file.startsWith('domain/')) return 'domain';
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const rel = (path: string) => relative(SRC, path).split('\\').join('/');

/** Each src file → the src files it imports (relative imports only; type-only ones included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const path of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => {
        const base = resolve(dirname(path), name);
        for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
          try {
            if (statSync(candidate).isFile()) return rel(candidate);
          } catch (_e) {
            // try the next candidate
          }
        }
        return rel(base);
      });
    graph.set(rel(path), [...new Set(targets)]);
  }
  return graph;
}

/** Imports that break the layering: upward, sideways between use cases, or outside src. */
function layerViolations(graph: Map<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [from, targets] of graph) {
    const a = layerOf(from);
    if (a === null) {
      bad.push(`${from}: not in a layer folder (entry/, usecases/, adapters/, domain/)`);
      continue;
    }
    for (const to of targets) {
      const b = layerOf(to);
      if (b === null) bad.push(`${from} → ${to}: outside the layers`);
      else if (RANK[b] < RANK[a]) bad.push(`${from} (${a}) → ${to} (${b}): imports upward`);
      else if (a === 'usecases' && b === 'usecases')
        bad.push(`${from} → ${to}: a use case imports another use case`);
    }
  }
  return bad;
}

/** Every import cycle, each as the list of files round it (Tarjan's strongly connected parts). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the layers of src/ (entry points → use cases → adapters → domain)', () => {
  const graph = importGraph();

  test('every import points down the layers, and no use case imports another', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  test('no import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('the domain uses no Apps Script service', () => {
    const services =
      /\b(SpreadsheetApp|FormApp|MailApp|GmailApp|ScriptApp|PropertiesService|LockService|CacheService|Session|Utilities|Logger)\./;
    const impure = [...graph.keys()]
      .filter((f) => layerOf(f) === 'domain')
      .filter((f) => services.test(readFileSync(join(SRC, f), 'utf8')));
    expect(impure).toEqual([]);
  });

  test('the check itself catches an upward import, a sideways use case and a cycle', () => {
    const planted = new Map<string, string[]>([
      ['domain/a.ts', ['adapters/b.ts']],
      ['adapters/b.ts', ['domain/a.ts']],
      ['usecases/c.ts', ['usecases/d.ts']],
      ['usecases/d.ts', []],
    ]);
    expect(layerViolations(planted)).toEqual([
      'domain/a.ts (domain) → adapters/b.ts (adapters): imports upward',
      'usecases/c.ts → usecases/d.ts: a use case imports another use case',
    ]);
    expect(cycles(planted)).toEqual([['adapters/b.ts', 'domain/a.ts']]);
  });
});
