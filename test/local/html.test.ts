// HtmlService and Ui.showModalDialog as the script uses them for the transfer-file dialog.
// Reference: https://developers.google.com/apps-script/reference/html/html-service (createHtmlOutput),
// https://developers.google.com/apps-script/reference/html/html-output (setWidth/setHeight: the
// initial size of a custom dialog; chainable), and
// https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
// (opens a custom dialog; does not suspend the script; returns nothing).
import { HtmlServiceImpl } from '../../local/runtime/html';
import { LocalUi } from '../../local/runtime/spreadsheet/ui';

describe('HtmlService', () => {
  test('createHtmlOutput(html) keeps the HTML; setWidth/setHeight chain and set the dialog size', () => {
    const out = new HtmlServiceImpl().createHtmlOutput('<p>hi</p>').setWidth(720).setHeight(560);
    expect(out.getContent()).toBe('<p>hi</p>');
    expect([out.getWidth(), out.getHeight()]).toEqual([720, 560]);
    expect(out.append('<b>x</b>').getContent()).toBe('<p>hi</p><b>x</b>');
    expect(new HtmlServiceImpl().createHtmlOutput().getContent()).toBe('');
  });

  test('setWidth with something that is not a whole number throws the signature error', () => {
    const out = new HtmlServiceImpl().createHtmlOutput('');
    expect(() => out.setWidth('wide' as unknown as number)).toThrow(
      "The parameters (string) don't match the method signature for HtmlOutput.setWidth.",
    );
  });
});

describe('Ui.showModalDialog', () => {
  test('records the dialog (title, HTML, size) and returns nothing: the script goes on', () => {
    const ui = new LocalUi();
    const out = new HtmlServiceImpl().createHtmlOutput('<a download="f.txt" href="data:,x">f</a>');
    expect(ui.showModalDialog(out.setWidth(300).setHeight(200), 'Files')).toBeUndefined();
    expect(ui.htmlDialogs).toEqual([
      {
        kind: 'modal',
        title: 'Files',
        html: '<a download="f.txt" href="data:,x">f</a>',
        width: 300,
        height: 200,
      },
    ]);
  });

  test('a plain string is not a user interface: the signature error', () => {
    expect(() => new LocalUi().showModalDialog('<p>x</p>', 'T')).toThrow(
      "The parameters (string,string) don't match the method signature for Ui.showModalDialog.",
    );
  });
});
