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

// The byte sizes of each store's entries, by key, with the value they were worked out for:
// every write checks the whole store's size, whose entries (the cached Settings, the marks) are
// mostly the same from one write to the next.
interface Size {
  value: string;
  keyBytes: number;
  valueBytes: number;
}
const SIZES = new WeakMap<Map<string, string>, Map<string, Size>>();

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function sizeOf(sizes: Map<string, Size>, key: string, value: string): Size {
  let size = sizes.get(key);
  if (size === undefined || size.value !== value) {
    size = { value, keyBytes: size?.keyBytes ?? bytes(key), valueBytes: bytes(value) };
    sizes.set(key, size);
  }
  return size;
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
    this.commit(new Map([[checkKey(key), String(value)]]), false);
    return this;
  }

  /** Sets all at once; with deleteAllOthers, keys not in `properties` are removed. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.ctx.call('Properties', 'setProperties');
    const changes = new Map<string, string>();
    for (const [key, value] of Object.entries(properties ?? {})) {
      changes.set(checkKey(key), String(value));
    }
    this.commit(changes, deleteAllOthers);
    return this;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): Record<string, string> {
    this.ctx.call('Properties', 'getProperties');
    // What Object.fromEntries(this.store) gives (own data properties in the store's order), made
    // with a plain loop: fromEntries goes through the iterator protocol entry by entry, and every
    // execution reads the properties. A key "__proto__" is defined, not assigned (an assignment
    // would set the object's prototype).
    const out: Record<string, string> = {};
    for (const [key, value] of this.store) {
      if (key === '__proto__')
        Object.defineProperty(out, key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      else out[key] = value;
    }
    return out;
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

  /**
   * Applies the changes (after removing every other key when `replace`), or nothing when a limit
   * is broken by the store they would make.
   */
  private commit(changes: Map<string, string>, replace: boolean): void {
    let sizes = SIZES.get(this.store);
    if (sizes === undefined) {
      sizes = new Map();
      SIZES.set(this.store, sizes);
    }
    let total = 0;
    const add = (size: Size) => {
      if (size.valueBytes > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
      total += size.keyBytes + size.valueBytes;
    };
    if (!replace)
      for (const [key, value] of this.store) if (!changes.has(key)) add(sizeOf(sizes, key, value));
    for (const [key, value] of changes) add(sizeOf(sizes, key, value));
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL);
    if (replace) this.store.clear();
    for (const [key, value] of changes) this.store.set(key, value);
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
