// The global entry points of the script, and nothing else. Apps Script stores trigger
// handlers and menu actions by these names, so renaming one breaks installed triggers.
// scripts/build.mjs declares each export as a top-level function in dist/Code.js.

function notImplemented(name: string): never {
  throw new Error(`${name} is not implemented yet`);
}

export function onOpen(): void {
  notImplemented('onOpen');
}
export function setup(): void {
  notImplemented('setup');
}
export function onRegistrationSubmit(_e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  notImplemented('onRegistrationSubmit');
}
export function onApplicationSubmit(_e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  notImplemented('onApplicationSubmit');
}
export function onCourseSubmit(_e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  notImplemented('onCourseSubmit');
}
export function runMonthlyPayments(): void {
  notImplemented('runMonthlyPayments');
}
export function sweep(): void {
  notImplemented('sweep');
}
export function sendQueuedEmails(): void {
  notImplemented('sendQueuedEmails');
}
