// The local `Logger` global and the script's `console`. Both write into one LogCapture, so a
// test or the runner reads every line an execution logged, in order, instead of the terminal.

import { format as nodeFormat } from 'node:util';
import type { RuntimeContext } from './context';
import { isDate } from './context';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogLine {
  level: LogLevel;
  /** 'Logger' for Logger.log, 'console' for console.*. */
  source: 'Logger' | 'console';
  message: string;
  /** Clock time (ms). */
  at: number;
  executionId: number | null;
}

export interface LogCaptureOptions {
  /** Also print each line to the real console (off by default, to keep test output quiet). */
  echo?: boolean;
}

export class LogCapture {
  readonly lines: LogLine[] = [];
  echo: boolean;

  constructor(
    readonly ctx: RuntimeContext,
    options: LogCaptureOptions = {},
  ) {
    this.echo = options.echo ?? false;
  }

  add(level: LogLevel, source: LogLine['source'], message: string): void {
    this.lines.push({
      level,
      source,
      message,
      at: this.ctx.clock.now(),
      executionId: this.ctx.execution?.id ?? null,
    });
    if (this.echo) {
      const print = level === 'log' ? console.log : console[level];
      print(`[${source}] ${message}`);
    }
  }

  /** Messages only, for assertions. */
  messages(): string[] {
    return this.lines.map((l) => l.message);
  }

  clear(): void {
    this.lines.length = 0;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (value instanceof Error) return String(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class LoggerService {
  /** Lines since the last clear (getLog is per execution in Apps Script; the runtime clears). */
  private log_: string[] = [];

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly capture: LogCapture,
  ) {}

  /** log(data) or log(format, ...values) with %s placeholders (Logger.log reference). */
  log(data: unknown, ...values: unknown[]): LoggerService {
    this.ctx.call('Logger', 'log');
    let message = show(data);
    if (values.length > 0 && typeof data === 'string') {
      let next = 0;
      message = data.replace(/%s/g, (m) => (next < values.length ? show(values[next++]) : m));
    }
    this.log_.push(message);
    this.capture.add('info', 'Logger', message);
    return this;
  }

  getLog(): string {
    this.ctx.call('Logger', 'getLog');
    return this.log_.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    this.ctx.call('Logger', 'clear');
    this.log_ = [];
  }
}

export interface LocalConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}

/** A `console` for the script that writes into `capture`; time/timeEnd use the world's clock. */
export function createConsole(capture: LogCapture): LocalConsole {
  const timers = new Map<string, number>();
  const write =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      capture.add(level, 'console', nodeFormat(...args));
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    time(label = 'default') {
      timers.set(label, capture.ctx.clock.now());
    },
    timeEnd(label = 'default') {
      const start = timers.get(label);
      if (start === undefined) {
        capture.add('warn', 'console', `Timer '${label}' does not exist`);
        return;
      }
      timers.delete(label);
      capture.add('log', 'console', `${label}: ${capture.ctx.clock.now() - start}ms`);
    },
  };
}
