// Protection of a sheet or a range in the local SpreadsheetApp (LocalProtection), and the users
// it names (LocalUser).

import { type Env, signatureError } from './common';
import { exception } from './errors';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export type ProtectionTypeName = keyof typeof ProtectionType;

export class LocalUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as LocalUser).getEmail === 'function') {
    return (user as LocalUser).getEmail();
  }
  throw signatureError([user], 'SpreadsheetApp.Protection.addEditor');
}

export class LocalProtection {
  private description = '';
  private warningOnly = false;
  private domainEdit = false;
  private readonly editors: string[];
  private unprotected: LocalRange[] = [];
  removed = false;

  constructor(
    private readonly env: Env,
    private readonly sheet: LocalSheet,
    private readonly range: LocalRange | null,
    private readonly type: ProtectionTypeName,
  ) {
    // A new protection lets the owner and the user who made it edit.
    const owner = sheet.getParent().owner;
    const creator = env.ctx.execution?.user;
    this.editors = creator && creator !== owner ? [owner, creator] : [owner];
  }

  getProtectionType(): ProtectionTypeName {
    return this.type;
  }
  getRange(): LocalRange {
    this.env.call('getRange');
    return this.range ?? this.sheet.wholeSheetRange();
  }
  getDescription(): string {
    this.env.call('getDescription');
    return this.description;
  }
  setDescription(description: string): this {
    this.env.call('setDescription');
    this.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.env.call('isWarningOnly');
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.env.call('setWarningOnly');
    this.warningOnly = Boolean(warningOnly);
    return this;
  }
  addEditor(emailOrUser: string | LocalUser): this {
    this.env.call('addEditor');
    const email = emailOf(emailOrUser);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(emails: (string | LocalUser)[]): this {
    this.env.call('addEditors');
    for (const e of emails) {
      const email = emailOf(e);
      if (!this.editors.includes(email)) this.editors.push(email);
    }
    return this;
  }
  removeEditor(emailOrUser: string | LocalUser): this {
    this.env.call('removeEditor');
    this.dropEditor(emailOf(emailOrUser));
    return this;
  }
  removeEditors(emailsOrUsers: (string | LocalUser)[]): this {
    this.env.call('removeEditors');
    for (const e of emailsOrUsers) this.dropEditor(emailOf(e));
    return this;
  }
  getEditors(): LocalUser[] {
    this.env.call('getEditors');
    return this.editors.map((e) => new LocalUser(e));
  }
  canEdit(): boolean {
    this.env.call('canEdit');
    const user = this.env.ctx.execution?.user;
    return this.warningOnly || user === undefined || this.editors.includes(user);
  }
  canDomainEdit(): boolean {
    this.env.call('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.env.call('setDomainEdit');
    this.domainEdit = Boolean(editable);
    return this;
  }
  setUnprotectedRanges(ranges: LocalRange[]): this {
    this.env.call('setUnprotectedRanges');
    if (this.type !== 'SHEET') {
      // Error text: unverified (see spreadsheet/errors.ts).
      throw exception('Unprotected ranges can only be set on a sheet protection.');
    }
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): LocalRange[] {
    this.env.call('getUnprotectedRanges');
    return [...this.unprotected];
  }
  remove(): void {
    this.env.call('remove');
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }

  /** World view for export and tests (not counted). */
  snapshot(): ProtectionData {
    return {
      type: this.type,
      a1: this.range ? this.range.getA1Notation() : null,
      description: this.description,
      warningOnly: this.warningOnly,
      editors: [...this.editors],
      unprotectedRanges: this.unprotected.map((r) => r.getA1Notation()),
    };
  }

  private dropEditor(email: string): void {
    // The owner can always edit; removing them is silently ignored, as in Sheets.
    if (email === this.sheet.getParent().owner) return;
    const at = this.editors.indexOf(email);
    if (at >= 0) this.editors.splice(at, 1);
  }
}

export interface ProtectionData {
  type: ProtectionTypeName;
  a1: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
}
