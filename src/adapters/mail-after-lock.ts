// Mail after the lock: a form-submit trigger plans its messages under the script lock
// (commitBeforeMail, env.ts) and sends them once it has released it.
import { actor, commit, type MailAfterLock, openEnv, withScriptLock } from './env';
import { errorText, type Mail, sendNow } from './mailer';

/**
 * Sends the messages a trigger planned under the lock, after releasing it: the next submission
 * need not wait for mail (issue #15: the lock held ≤ 2 s). A message that fails goes into the
 * Outbox with its error, under the lock taken again; when another execution holds it past
 * `waitMs`, row by row without it (appendRow is atomic: "Class Sheet", appendRow), so none is lost.
 * Never throws.
 */
export function sendAfterLock(planned: MailAfterLock, waitMs: number): void {
  const failed: { mail: Mail; error: string }[] = [];
  for (const mail of planned.mails) {
    try {
      sendNow(mail, planned.settings);
    } catch (error) {
      failed.push({ mail, error: errorText(error) });
    }
  }
  if (failed.length === 0) return;
  try {
    const done = withScriptLock(waitMs, () => {
      const env = openEnv(actor('trigger'), 'cached');
      for (const f of failed) env.mailer.queueFailed(f.mail, f.error);
      commit(env);
    });
    if (done) return;
    const env = openEnv(actor('trigger'), 'cached');
    for (const f of failed) {
      env.mailer.queueFailed(f.mail, f.error);
      env.book.flushAll(); // one row: one appendRow
      env.log.stage();
    }
  } catch (error) {
    // The console keeps what the sheet could not (the execution log).
    for (const f of failed)
      console.error(`MAIL_LOST ${f.mail.kind} ${f.mail.ref}: ${f.error}; ${errorText(error)}`);
  }
}
