// The local `Session` global: who runs the script, and in which zone and locale.

import { createHash } from 'node:crypto';
import type { RuntimeContext } from './context';

export interface SessionOptions {
  /** The person at the keyboard when no execution is running (e.g. a test calling directly). */
  activeUser?: string;
  /** What getActiveUserLocale returns; the staff use Japanese. */
  locale?: string;
}

export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class SessionService {
  constructor(
    private readonly ctx: RuntimeContext,
    private readonly options: SessionOptions = {},
  ) {}

  getScriptTimeZone(): string {
    this.ctx.call('Session', 'getScriptTimeZone');
    return this.ctx.timeZone;
  }

  /**
   * The user at the keyboard. Inside triggers this is often '' (Session.getActiveUser
   * reference: the address is withheld unless user and script owner share a domain), so the
   * local world always gives '' there.
   */
  getActiveUser(): LocalUser {
    this.ctx.call('Session', 'getActiveUser');
    const execution = this.ctx.execution;
    if (!execution) return new LocalUser(this.options.activeUser ?? '');
    return new LocalUser(execution.kind === 'editor' ? execution.user : '');
  }

  /** The user whose authority the script runs under: the trigger's creator inside a trigger. */
  getEffectiveUser(): LocalUser {
    this.ctx.call('Session', 'getEffectiveUser');
    return new LocalUser(this.ctx.execution?.user ?? this.options.activeUser ?? '');
  }

  /** Stable per user and script, opaque (the real key rotates every 30 days). */
  getTemporaryActiveUserKey(): string {
    this.ctx.call('Session', 'getTemporaryActiveUserKey');
    const user = this.ctx.execution?.user ?? this.options.activeUser ?? '';
    return createHash('sha256').update(`temporary-key:${user}`).digest('base64url').slice(0, 43);
  }

  getActiveUserLocale(): string {
    this.ctx.call('Session', 'getActiveUserLocale');
    return this.options.locale ?? 'ja';
  }
}
