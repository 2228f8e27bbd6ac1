// The local `PropertiesService` global: string key-value stores per script, document and user,
// with the documented limits (9 KB a value, 500 KB a store). Every method is a round trip.

import type { RuntimeContext } from './context';

/** Properties value size: 9 KB per value (Quotas for Google Services). */
export const MAX_VALUE_BYTES = 9 * 1024;
/** Properties total storage: 500 KB per property store (Quotas for Google Services). */
export const MAX_STORE_BYTES = 500 * 1024;

// Error text: unverified (see spreadsheet/errors.ts).
export const VALUE_TOO_LARGE = 'Argument too large: value';
// Error text: unverified (see spreadsheet/errors.ts).
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

// The byte size of each text seen lately: every write re-checks the whole store's size, whose
// texts (the cached Settings, the marks) are mostly the same from one write to the next.
const BYTES = new Map<string, number>();

function bytes(text: string): number {
  let n = BYTES.get(text);
  if (n === undefined) {
    n = Buffer.byteLength(text, 'utf8');
    if (BYTES.size >= 10_000) BYTES.clear();
    BYTES.set(text, n);
  }
  return n;
}

function checkKey(key: unknown): string {
  // Error text: unverified (see spreadsheet/errors.ts).
  if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
  return String(key);
}

export class Properties {
  constructor(
    private readonly ctx: RuntimeContext,
    /** The live store, shared by every Properties object of the same scope. */
    readonly store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.ctx.call('Properties', 'getProperty');
    return this.store.get(checkKey(key)) ?? null;
  }

  setProperty(key: string, value: unknown): Properties {
    this.ctx.call('Properties', 'setProperty');
    const next = new Map(this.store);
    next.set(checkKey(key), String(value));
    this.commit(next);
    return this;
  }

  /** Sets all at once; with deleteAllOthers, keys not in `properties` are removed. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.ctx.call('Properties', 'setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, value] of Object.entries(properties ?? {})) {
      next.set(checkKey(key), String(value));
    }
    this.commit(next);
    return this;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): Record<string, string> {
    this.ctx.call('Properties', 'getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.ctx.call('Properties', 'getKeys');
    return [...this.store.keys()];
  }

  deleteProperty(key: string): Properties {
    this.ctx.call('Properties', 'deleteProperty');
    this.store.delete(checkKey(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.ctx.call('Properties', 'deleteAllProperties');
    this.store.clear();
    return this;
  }

  /** Applies `next` whole, or nothing when a limit is broken. */
  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      const valueBytes = bytes(value);
      if (valueBytes > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
      total += bytes(key) + valueBytes;
    }
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

export class PropertiesServiceImpl {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, string>();
  /** One store per user (by email). */
  readonly users = new Map<string, Map<string, string>>();

  constructor(private readonly ctx: RuntimeContext) {}

  getScriptProperties(): Properties {
    this.ctx.call('Properties', 'getScriptProperties');
    return new Properties(this.ctx, this.script);
  }

  getDocumentProperties(): Properties {
    this.ctx.call('Properties', 'getDocumentProperties');
    return new Properties(this.ctx, this.document);
  }

  /** The store of the user running the execution (the trigger's creator inside a trigger). */
  getUserProperties(): Properties {
    this.ctx.call('Properties', 'getUserProperties');
    return new Properties(this.ctx, this.userStore(this.ctx.execution?.user ?? ''));
  }

  /** World API: a user's store, to seed or inspect it outside an execution. */
  userStore(user: string): Map<string, string> {
    let store = this.users.get(user);
    if (!store) {
      store = new Map();
      this.users.set(user, store);
    }
    return store;
  }
}
