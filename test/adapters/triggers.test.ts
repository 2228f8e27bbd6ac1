// The trigger handler names. Google stores a trigger by its handler's name, so each name must be
// an entry point of src/index.ts. src/adapters/triggers.ts lists them for set-up, the health
// report, the sweep and the job records. The environment check's TRIGGER_KINDS lists them once
// more, in the order it names a handler, because the domain cannot import the adapters
// (src/domain/env-probes.ts). These tests fail when the lists drift apart.
import { CLOCK_HANDLERS, FORM_HANDLERS, SESSION_CLOCK_HANDLERS } from '../../src/adapters/triggers';
import { TRIGGER_KINDS } from '../../src/domain/env-probes';
import * as entryPoints from '../../src/index';

const sorted = (names: readonly string[]) => [...names].sort();

describe('the trigger handler names', () => {
  test('the environment check counts, for each trigger kind, exactly the handlers set-up installs', () => {
    expect(TRIGGER_KINDS.map((k) => [k.en, sorted(k.handlers)])).toEqual([
      ['form-submit', sorted(FORM_HANDLERS)],
      ['time-driven', sorted([...CLOCK_HANDLERS, ...SESSION_CLOCK_HANDLERS])],
    ]);
  });

  test('every handler set-up installs or the environment check counts is an entry point of src/index.ts', () => {
    const exported = entryPoints as Record<string, unknown>;
    const handlers = [
      ...FORM_HANDLERS,
      ...CLOCK_HANDLERS,
      ...SESSION_CLOCK_HANDLERS,
      ...TRIGGER_KINDS.flatMap((k) => k.handlers),
    ];
    expect(handlers.filter((h) => typeof exported[h] !== 'function')).toEqual([]);
  });
});
