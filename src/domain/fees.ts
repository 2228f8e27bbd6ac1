// R16: the fee paid to each supporter of an ACCEPTED application, by its duration.
import type { Settings } from './settings-types';

export function feeFor(
  minutes: number,
  settings: Pick<Settings, 'minMinutes' | 'longMinutes' | 'feeStandard' | 'feeLong'>,
): number {
  if (minutes >= settings.longMinutes) return settings.feeLong;
  if (minutes >= settings.minMinutes) return settings.feeStandard;
  return 0;
}
