// The local `HtmlService`: only what a spreadsheet dialog uses. HtmlService.createHtmlOutput(html)
// makes an HtmlOutput; setWidth/setHeight set the dialog's initial size and return the output
// for chaining; getContent gives the HTML back; setTitle/getTitle name the page.
// Reference: https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)
// and https://developers.google.com/apps-script/reference/html/html-output (setWidth, setHeight:
// "Sets the initial width/height of a custom dialog in Google Docs, Sheets, or Forms").
// Building output is a local computation in Apps Script (no round trip): it is not counted.

function whole(value: unknown, method: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new Error(
      `The parameters (${typeof value}) don't match the method signature for HtmlOutput.${method}.`,
    );
  }
  return n;
}

export class LocalHtmlOutput {
  private title = '';
  private width = 600; // Apps Script's default dialog size when none is set
  private height = 400;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): LocalHtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): LocalHtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  setWidth(width: number): LocalHtmlOutput {
    this.width = whole(width, 'setWidth');
    return this;
  }
  setHeight(height: number): LocalHtmlOutput {
    this.height = whole(height, 'setHeight');
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setTitle(title: string): LocalHtmlOutput {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
}

export class HtmlServiceImpl {
  createHtmlOutput(html?: string): LocalHtmlOutput {
    return new LocalHtmlOutput(html === undefined ? '' : String(html));
  }
}

/** Is this one of our HtmlOutputs (a dialog takes nothing else)? */
export function isHtmlOutput(value: unknown): value is LocalHtmlOutput {
  return value instanceof LocalHtmlOutput;
}
