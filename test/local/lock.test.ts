import { RuntimeContext } from '../../local/runtime/context';
import { LockServiceImpl } from '../../local/runtime/lock';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
const NOW = Date.UTC(2024, 6, 30, 3, 0);

function setup() {
  const ctx = new RuntimeContext({ now: NOW, timeZone: 'Asia/Tokyo' });
  ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 1 };
  return { ctx, locks: new LockServiceImpl(ctx) };
}

describe('Lock (Lock reference)', () => {
  test('tryLock on a free lock returns true at once and hasLock is then true', () => {
    const { ctx, locks } = setup();
    const lock = locks.getScriptLock();
    expect(lock.hasLock()).toBe(false); // never tried: false (hasLock reference)
    expect(lock.tryLock(10000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(ctx.clock.now()).toBe(NOW);
    expect(locks.holderOf('script')).toBe(1);
  });

  test('releaseLock frees the lock; hasLock is false after it; releasing twice has no effect', () => {
    const { locks } = setup();
    const lock = locks.getScriptLock();
    lock.waitLock(1000);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.holderOf('script')).toBeNull();
    expect(() => lock.releaseLock()).not.toThrow();
  });

  test(`waitLock throws '${TIMEOUT}' after waiting the full timeout while another execution holds it`, () => {
    const { ctx, locks } = setup();
    locks.holdByAnotherExecution('script');
    const lock = locks.getScriptLock();
    expect(() => lock.waitLock(30000)).toThrow(TIMEOUT);
    expect(lock.hasLock()).toBe(false);
    expect(ctx.clock.now()).toBe(NOW + 30000);
  });

  test('tryLock returns false after the timeout while another execution holds it', () => {
    const { ctx, locks } = setup();
    locks.holdByAnotherExecution('script', NOW + 60000);
    expect(locks.getScriptLock().tryLock(5000)).toBe(false);
    expect(ctx.clock.now()).toBe(NOW + 5000);
  });

  test('a waiter gets the lock when the other execution finishes within the wait; the clock moves to then', () => {
    const { ctx, locks } = setup();
    locks.holdByAnotherExecution('script', NOW + 12000);
    const lock = locks.getScriptLock();
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    expect(ctx.clock.now()).toBe(NOW + 12000);
  });

  test('releaseOther frees a lock held by the simulated other execution', () => {
    const { locks } = setup();
    locks.holdByAnotherExecution('document');
    expect(locks.getDocumentLock().tryLock(0)).toBe(false);
    locks.releaseOther('document');
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('script, document and user locks are independent', () => {
    const { locks } = setup();
    locks.holdByAnotherExecution('script');
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    expect(locks.getScriptLock().tryLock(0)).toBe(false);
  });

  test('the user lock is per user: another user is not blocked', () => {
    const { ctx, locks } = setup();
    locks.holdByAnotherExecution('user'); // held for staff@example.org
    expect(locks.getUserLock().tryLock(0)).toBe(false);
    ctx.execution = { kind: 'editor', functionName: 'y', user: 'other@example.org', id: 2 };
    expect(locks.getUserLock().tryLock(0)).toBe(true);
  });

  test('re-entrant: the execution holding the lock gets it again at once with tryLock returning true', () => {
    const { ctx, locks } = setup();
    const first = locks.getScriptLock();
    first.waitLock(1000);
    const second = locks.getScriptLock();
    expect(second.tryLock(1000)).toBe(true);
    expect(() => second.waitLock(1000)).not.toThrow();
    expect(ctx.clock.now()).toBe(NOW);
    // One release frees it: the lock is not counted.
    second.releaseLock();
    expect(first.hasLock()).toBe(false);
  });

  test('locks end with their execution: releaseAll(executionId) frees them for the next one', () => {
    const { ctx, locks } = setup();
    locks.getScriptLock().waitLock(1000);
    locks.getDocumentLock().waitLock(1000);
    ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 2 };
    // Execution 1 has not ended: execution 2 must wait and times out.
    expect(locks.getScriptLock().tryLock(100)).toBe(false);
    locks.releaseAll(1);
    expect(locks.getScriptLock().tryLock(100)).toBe(true);
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
  });

  test("every Lock method is counted as a 'Lock' call", () => {
    const { ctx, locks } = setup();
    const lock = locks.getScriptLock();
    lock.tryLock(0);
    lock.hasLock();
    lock.releaseLock();
    expect(ctx.counter.counts.calls.Lock).toBe(4);
    expect(ctx.counter.counts.byMethod['Lock.tryLock']).toBe(1);
  });
});
