// Opening the office's forms from the URLs in Settings, with plain-language errors.
import type { Env } from './env';
import { errorText } from './mailer';

export class FormAccessError extends Error {}

/** Opens a form by its editor URL; explains the two links staff most often paste instead. */
export function openFormByUrl(url: string, what: string): GoogleAppsScript.Forms.Form {
  const u = url.trim();
  if (/forms\.gle\//i.test(u) || /\/forms\/d\/e\//i.test(u)) {
    throw new FormAccessError(
      `${what}: "${u}" is the link respondents use. Paste the form's editor address instead ` +
        '(open the form, copy the address ending in /edit).',
    );
  }
  try {
    return FormApp.openByUrl(u);
  } catch (error) {
    throw new FormAccessError(
      `${what}: the form at "${u}" could not be opened (${errorText(error)}). Check the address and ` +
        'that the account running the script can edit the form.',
    );
  }
}

export const PUBLISHED_KEY = 'form.application.published';

/** The application form's public link for emails, remembered so triggers need not open it. */
export function formUrls(env: Env): { applicationPublished: string } {
  const editUrl = env.settings.applicationFormUrl;
  const cached = env.props.get(PUBLISHED_KEY);
  if (cached) {
    const [forEdit, published] = cached.split('\n');
    if (forEdit === editUrl && published) return { applicationPublished: published };
  }
  try {
    const published = openFormByUrl(editUrl, 'Application form').getPublishedUrl();
    env.props.set(PUBLISHED_KEY, `${editUrl}\n${published}`);
    return { applicationPublished: published };
  } catch (error) {
    env.log.add({ action: 'FORM_LINK_UNAVAILABLE', detail: errorText(error) });
    return { applicationPublished: editUrl.replace(/\/edit.*$/, '/viewform') };
  }
}
