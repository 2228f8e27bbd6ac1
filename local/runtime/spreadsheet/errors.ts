/** Apps Script reports service failures as `Exception: <message>`. */
export function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}
