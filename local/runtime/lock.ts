// The local `LockService` global. The local world runs one execution at a time, so "another
// execution holding the lock" is simulated with holdByAnotherExecution; waiting for it moves the
// world's clock, as a real wait would take time.

import type { RuntimeContext } from './context';

export type LockScope = 'script' | 'document' | 'user';

// Error text: APPS-SCRIPT-FACTS.md (quoted from public reports; see spreadsheet/errors.ts).
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

type Holder =
  | { kind: 'execution'; executionId: number }
  /** A simulated other execution; holds until `untilMs` (clock time) or until released. */
  | { kind: 'other'; untilMs?: number };

export class Lock {
  /** Set once this Lock object acquired the lock (hasLock is per object in Apps Script). */
  private acquired = false;

  constructor(
    private readonly service: LockServiceImpl,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.service.ctx.call('Lock', 'tryLock');
    this.acquired = this.service.acquire(this.key, timeoutInMillis);
    return this.acquired;
  }

  waitLock(timeoutInMillis: number): void {
    this.service.ctx.call('Lock', 'waitLock');
    this.acquired = this.service.acquire(this.key, timeoutInMillis);
    if (!this.acquired) throw new Error(LOCK_TIMEOUT);
  }

  /** No effect when the lock is not held (Lock.releaseLock reference). */
  releaseLock(): void {
    this.service.ctx.call('Lock', 'releaseLock');
    if (this.acquired && this.service.heldByCurrent(this.key)) this.service.release(this.key);
    this.acquired = false;
  }

  hasLock(): boolean {
    this.service.ctx.call('Lock', 'hasLock');
    return this.acquired && this.service.heldByCurrent(this.key);
  }
}

export class LockServiceImpl {
  private readonly holders = new Map<string, Holder>();

  constructor(readonly ctx: RuntimeContext) {}

  getScriptLock(): Lock {
    this.ctx.call('Lock', 'getScriptLock');
    return new Lock(this, this.keyOf('script'));
  }

  /** The local script is always bound to a document, so this never returns null. */
  getDocumentLock(): Lock {
    this.ctx.call('Lock', 'getDocumentLock');
    return new Lock(this, this.keyOf('document'));
  }

  getUserLock(): Lock {
    this.ctx.call('Lock', 'getUserLock');
    return new Lock(this, this.keyOf('user'));
  }

  // --- World API -------------------------------------------------------------------------------

  /** Locks end with their execution; the runtime calls this when an execution finishes. */
  releaseAll(executionId: number): void {
    for (const [key, holder] of this.holders) {
      if (holder.kind === 'execution' && holder.executionId === executionId) {
        this.holders.delete(key);
      }
    }
  }

  /**
   * A simulated other execution takes the lock, until `untilMs` (clock time) or until
   * releaseOther. A user lock is taken for the current execution's user.
   */
  holdByAnotherExecution(scope: LockScope = 'script', untilMs?: number): void {
    this.holders.set(this.keyOf(scope), { kind: 'other', untilMs });
  }

  releaseOther(scope: LockScope = 'script'): void {
    const key = this.keyOf(scope);
    if (this.holders.get(key)?.kind === 'other') this.holders.delete(key);
  }

  /** Who holds the lock now: an execution id, 'other', or null when free. */
  holderOf(scope: LockScope = 'script'): number | 'other' | null {
    const holder = this.currentHolder(this.keyOf(scope));
    if (!holder) return null;
    return holder.kind === 'other' ? 'other' : holder.executionId;
  }

  // --- Used by Lock ----------------------------------------------------------------------------

  acquire(key: string, timeoutInMillis: number): boolean {
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const me = this.executionId();
    const holder = this.currentHolder(key);
    // Re-entrant: the execution that holds the lock gets it again at once (reported behaviour).
    if (!holder || (holder.kind === 'execution' && holder.executionId === me)) {
      this.holders.set(key, { kind: 'execution', executionId: me });
      return true;
    }
    const now = this.ctx.clock.now();
    if (
      holder.kind === 'other' &&
      holder.untilMs !== undefined &&
      holder.untilMs <= now + timeout
    ) {
      // The other execution finishes while we wait: we waited until then.
      this.ctx.clock.set(holder.untilMs);
      this.holders.set(key, { kind: 'execution', executionId: me });
      return true;
    }
    this.ctx.clock.advance(timeout);
    return false;
  }

  release(key: string): void {
    this.holders.delete(key);
  }

  heldByCurrent(key: string): boolean {
    const holder = this.currentHolder(key);
    return holder?.kind === 'execution' && holder.executionId === this.executionId();
  }

  private currentHolder(key: string): Holder | undefined {
    const holder = this.holders.get(key);
    if (holder?.kind === 'other' && holder.untilMs !== undefined) {
      if (holder.untilMs <= this.ctx.clock.now()) {
        this.holders.delete(key);
        return undefined;
      }
    }
    return holder;
  }

  private executionId(): number {
    // Outside any execution (a test poking the service directly) counts as execution 0.
    return this.ctx.execution?.id ?? 0;
  }

  private keyOf(scope: LockScope): string {
    return scope === 'user' ? `user:${this.ctx.execution?.user ?? ''}` : scope;
  }
}
