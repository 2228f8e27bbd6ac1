// The Templates sheet (key, language, subject, body): staff edit the emails there, not in code.
// Created with the default texts (Japanese, English) when missing.
import { DEFAULT_TEMPLATES } from '../domain/default-templates';
import { pickTemplate, renderEmail, type Template, type TemplateValue } from '../domain/templates';
import type { ActivityLog } from './log';
import { cellText } from './tables/cells';
import { TEMPLATES } from './tables/schema';
import type { Workbook } from './tables/workbook';

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

/** What rendering needs of an execution's Env (not Env itself: env.ts reads the templates). */
interface RenderEnv {
  templates: Template[];
  settings: { officeContact: string };
  log: ActivityLog;
}

export function renderFor(
  env: RenderEnv,
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
