// SpreadsheetApp.getUi(): menus are recorded, dialogs answer from a script of queued
// answers (a test plays the member of staff clicking).

export const Button = {
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as const;
export type ButtonName = keyof typeof Button;

export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry =
  | { caption: string; functionName: string }
  | { caption: string; items: MenuEntry[] }
  | 'separator';

export interface RecordedMenu {
  name: string;
  items: MenuEntry[];
}

export interface RecordedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
}

/** A custom dialog opened with showModalDialog: its HTML, title and initial size. */
export interface RecordedHtmlDialog {
  kind: 'modal';
  title: string;
  html: string;
  width: number;
  height: number;
}

/** What showModalDialog reads from an HtmlOutput (see ../html.ts). */
interface HtmlOutputLike {
  getContent(): string;
  getWidth(): number;
  getHeight(): number;
}

export interface QueuedAnswer {
  button: ButtonName;
  text?: string;
}

export class LocalMenu {
  readonly items: MenuEntry[] = [];
  constructor(
    readonly name: string,
    private readonly onAdd: (menu: LocalMenu) => void,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push('separator');
    return this;
  }
  addSubMenu(menu: LocalMenu): this {
    this.items.push({ caption: menu.name, items: menu.items });
    return this;
  }
  addToUi(): void {
    this.onAdd(this);
  }
}

export class LocalPromptResponse {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): ButtonName {
    return this.button;
  }
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in ButtonSet;
}

export class LocalUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus added with addToUi, latest per name (Apps Script replaces a menu of the same name). */
  menus: RecordedMenu[] = [];
  dialogs: RecordedDialog[] = [];
  /** Custom dialogs (showModalDialog), in the order they were opened. */
  htmlDialogs: RecordedHtmlDialog[] = [];
  private answers: QueuedAnswer[] = [];

  // --- world API ---
  queueAnswer(answer: QueuedAnswer): void {
    this.answers.push(answer);
  }
  pendingAnswers(): number {
    return this.answers.length;
  }

  // --- Apps Script API ---
  createMenu(caption: string): LocalMenu {
    return new LocalMenu(caption, (menu) => {
      const recorded = { name: menu.name, items: [...menu.items] };
      const at = this.menus.findIndex((m) => m.name === menu.name);
      if (at >= 0) this.menus[at] = recorded;
      else this.menus.push(recorded);
    });
  }

  createAddonMenu(): LocalMenu {
    return this.createMenu('Add-ons');
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | ButtonSetName, c?: ButtonSetName): ButtonName {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    this.dialogs.push({ kind: 'alert', title, prompt, buttons });
    return this.answers.shift()?.button ?? 'OK';
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: string | ButtonSetName, c?: ButtonSetName): LocalPromptResponse {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons });
    const answer = this.answers.shift();
    if (!answer) return new LocalPromptResponse('CANCEL', '');
    return new LocalPromptResponse(answer.button, answer.text ?? '');
  }

  /**
   * showModalDialog(userInterface, title): "Opens a modal dialog box in the user's editor with
   * custom client-side content. This method does not suspend the server-side script while the
   * dialog is open." It returns nothing, and takes an HtmlOutput (or a UiInstance, long gone).
   * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
   */
  showModalDialog(userInterface: unknown, title: string): void {
    const output = userInterface as Partial<HtmlOutputLike> | null;
    if (!output || typeof output.getContent !== 'function') {
      throw new Error(
        `The parameters (${typeof userInterface},${typeof title}) don't match the method signature for Ui.showModalDialog.`,
      );
    }
    this.htmlDialogs.push({
      kind: 'modal',
      title: String(title),
      html: output.getContent(),
      width: output.getWidth?.() ?? 600,
      height: output.getHeight?.() ?? 400,
    });
  }

  private dialogArgs(a: string, b?: string, c?: string) {
    if (b === undefined) return { title: '', prompt: String(a), buttons: 'OK' as ButtonSetName };
    if (isButtonSet(b) && c === undefined) return { title: '', prompt: String(a), buttons: b };
    return { title: String(a), prompt: String(b), buttons: isButtonSet(c) ? c : 'OK' };
  }
}
