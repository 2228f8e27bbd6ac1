// The local `Session` global: who runs the script, and in which zone and locale.

import { createHash } from 'node:crypto';
import type { RuntimeContext } from './context';

export interface SessionOptions {
  /** The person at the keyboard when no execution is running (e.g. a test calling directly). */
  activeUser?: string;
  /** What getActiveUserLocale returns; the staff use Japanese. */
  locale?: string;
}

export const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

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
    if (!this.emailAvailable()) return new LocalUser('');
    const execution = this.ctx.execution;
    if (!execution) return new LocalUser(this.options.activeUser ?? '');
    return new LocalUser(execution.kind === 'editor' ? execution.user : '');
  }

  /** The user whose authority the script runs under: the trigger's creator inside a trigger. */
  getEffectiveUser(): LocalUser {
    this.ctx.call('Session', 'getEffectiveUser');
    if (!this.emailAvailable()) return new LocalUser('');
    return new LocalUser(this.ctx.execution?.user ?? this.options.activeUser ?? '');
  }

  /**
   * Both getActiveUser and getEffectiveUser need the userinfo.email scope (Session reference,
   * "Authorization"); without it the address is '' here (a public report shows an exception
   * instead: hijonathan/google-scripts#14; the product tolerates both). A simple trigger
   * (LIMITED) never gets it (User.getEmail reference: not available "in any context that
   * allows a script to run without that user's authorization, like a simple onOpen(e) or
   * onEdit(e) trigger").
   */
  private emailAvailable(): boolean {
    if (this.ctx.execution?.authMode === 'LIMITED') return false;
    const scopes = this.ctx.scopes;
    return scopes === null || scopes.includes(USERINFO_EMAIL);
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
