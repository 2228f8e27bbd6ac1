import { RuntimeContext } from '../../local/runtime/context';
import { createConsole, LogCapture, LoggerService } from '../../local/runtime/logger';
import { SessionService } from '../../local/runtime/session';

function world() {
  return new RuntimeContext({ now: Date.UTC(2024, 6, 30, 3, 0), timeZone: 'Asia/Tokyo' });
}

describe('Session (Session reference)', () => {
  test("getScriptTimeZone is the project's time zone", () => {
    const ctx = world();
    expect(new SessionService(ctx).getScriptTimeZone()).toBe('Asia/Tokyo');
  });

  test("getActiveUser().getEmail() is '' inside a trigger, while getEffectiveUser is the trigger's creator", () => {
    const ctx = world();
    ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 1 };
    const session = new SessionService(ctx);
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('staff@example.org');
  });

  test('in an editor (menu) execution the active user is the one running it', () => {
    const ctx = world();
    ctx.execution = { kind: 'editor', functionName: 'menu', user: 'office@example.org', id: 2 };
    const session = new SessionService(ctx);
    expect(session.getActiveUser().getEmail()).toBe('office@example.org');
    expect(session.getEffectiveUser().getEmail()).toBe('office@example.org');
  });

  test('outside any execution the activeUser option is used', () => {
    const ctx = world();
    const session = new SessionService(ctx, { activeUser: 'dev@example.org' });
    expect(session.getActiveUser().getEmail()).toBe('dev@example.org');
    expect(session.getEffectiveUser().getEmail()).toBe('dev@example.org');
  });

  test('getTemporaryActiveUserKey is stable for a user and differs between users', () => {
    const ctx = world();
    const session = new SessionService(ctx);
    ctx.execution = { kind: 'editor', functionName: 'm', user: 'a@example.org', id: 1 };
    const a = session.getTemporaryActiveUserKey();
    expect(session.getTemporaryActiveUserKey()).toBe(a);
    expect(a).not.toContain('a@example.org');
    ctx.execution = { kind: 'editor', functionName: 'm', user: 'b@example.org', id: 2 };
    expect(session.getTemporaryActiveUserKey()).not.toBe(a);
  });

  test("getActiveUserLocale is 'ja'; Session calls are counted", () => {
    const ctx = world();
    const session = new SessionService(ctx);
    expect(session.getActiveUserLocale()).toBe('ja');
    session.getScriptTimeZone();
    expect(ctx.counter.counts.calls.Session).toBe(2);
  });
});

describe('Logger (Logger reference) and console', () => {
  function setup() {
    const ctx = world();
    ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 7 };
    const capture = new LogCapture(ctx);
    return {
      ctx,
      capture,
      logger: new LoggerService(ctx, capture),
      console: createConsole(capture),
    };
  }

  test('Logger.log(format, ...values) replaces each %s in order', () => {
    const { logger, capture } = setup();
    logger.log('Paid %s supporters, total %s yen', 3, 4500);
    expect(capture.messages()).toEqual(['Paid 3 supporters, total 4500 yen']);
  });

  test('Logger.log(data) logs objects readably and returns the Logger for chaining', () => {
    const { logger } = setup();
    expect(logger.log({ id: 'BN-0001' }).log('second')).toBe(logger);
    expect(logger.getLog()).toBe('{"id":"BN-0001"}\nsecond\n');
  });

  test('Logger.clear empties getLog', () => {
    const { logger } = setup();
    logger.log('one');
    logger.clear();
    logger.log('two');
    expect(logger.getLog()).toBe('two\n');
  });

  test('Logger and console write to one capture, in order, with level, time and execution id', () => {
    const { ctx, logger, console, capture } = setup();
    logger.log('from Logger');
    ctx.clock.advance(1000);
    console.warn('quota low: %d left', 5);
    console.error('failed');
    expect(capture.lines).toEqual([
      {
        level: 'info',
        source: 'Logger',
        message: 'from Logger',
        at: ctx.clock.now() - 1000,
        executionId: 7,
      },
      {
        level: 'warn',
        source: 'console',
        message: 'quota low: 5 left',
        at: ctx.clock.now(),
        executionId: 7,
      },
      { level: 'error', source: 'console', message: 'failed', at: ctx.clock.now(), executionId: 7 },
    ]);
  });

  test('console.time/timeEnd measure on the world clock', () => {
    const { ctx, console, capture } = setup();
    console.time('run');
    ctx.clock.advance(250);
    console.timeEnd('run');
    expect(capture.messages()).toEqual(['run: 250ms']);
  });

  test('nothing reaches the real console unless echo is on', () => {
    const { ctx } = setup();
    const spy = jest.spyOn(globalThis.console, 'log').mockImplementation(() => {});
    try {
      createConsole(new LogCapture(ctx)).log('quiet');
      expect(spy).not.toHaveBeenCalled();
      createConsole(new LogCapture(ctx, { echo: true })).log('loud');
      expect(spy).toHaveBeenCalledWith('[console] loud');
    } finally {
      spy.mockRestore();
    }
  });
});
