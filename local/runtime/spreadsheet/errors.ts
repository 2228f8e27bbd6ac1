// The error texts of the local runtime, and where each comes from. Google's reference pages
// describe when a method throws, almost never with which words; so each text is marked next to
// where it is thrown:
// - "APPS-SCRIPT-FACTS.md": the texts /work/shared/APPS-SCRIPT-FACTS.md quotes (seen in public
//   bug reports and answers, and relied on by the product's own handling): the range dimension
//   errors, the setValues shape errors, the lock timeout, the mail quota, the trigger limit and
//   getUi from a trigger.
// - a URL: a public page that quotes the text (e.g. the mail quota error in
//   https://github.com/ramkumar-kr/gmail-delay-send/issues/166).
// - "unverified": written from memory or by analogy with the texts above, not checked against
//   Google. The product never matches these texts: it only logs them (errorText), so a wrong
//   word changes a log line, not a decision.
// Tests compare each text with a literal written in the test, never with these constants.

/** Apps Script reports service failures as `Exception: <message>`. */
export function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}
