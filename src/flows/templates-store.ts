// The Templates sheet (key, language, subject, body): staff edit the emails there, not in code.
// Created with the default texts (Japanese, English) when missing.
import {
  DEFAULT_TEMPLATES,
  pickTemplate,
  renderEmail,
  type Template,
  type TemplateValue,
} from '../domain/templates';
import { cellText } from '../store/cells';
import { TEMPLATES } from '../store/schema';
import type { Workbook } from '../store/workbook';
import type { Env } from './env';

export function readTemplates(book: Workbook): Template[] {
  const table = book.table(TEMPLATES);
  if (table.created) {
    for (const t of DEFAULT_TEMPLATES)
      table.append({ key: t.key, lang: t.lang, subject: t.subject, body: t.body });
    table.flush();
  }
  const templates = table.dataRows().map((row) => ({
    key: cellText(table.get(row, 'key')).trim(),
    lang: cellText(table.get(row, 'lang')).trim(),
    subject: cellText(table.get(row, 'subject')),
    body: cellText(table.get(row, 'body')),
  }));
  // A key staff deleted entirely still gets the built-in text rather than no email at all.
  for (const t of DEFAULT_TEMPLATES) {
    if (!templates.some((x) => x.key === t.key)) templates.push(t);
  }
  return templates;
}

export function renderFor(
  env: Env,
  key: string,
  lang: string,
  vars: Record<string, TemplateValue>,
): { subject: string; body: string; htmlBody: string } {
  const template = pickTemplate(env.templates, key, lang);
  const mail = renderEmail(template, { officeContact: env.settings.officeContact, ...vars });
  if (mail.missing.length > 0) {
    env.log.add({
      action: 'TEMPLATE_PLACEHOLDER_UNKNOWN',
      detail: `${key}/${template.lang}: ${mail.missing.join(', ')}`,
    });
  }
  return mail;
}
