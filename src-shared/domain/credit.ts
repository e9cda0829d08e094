import { isClockTime, toMinutes } from './dates';

/**
 * end − start in minutes. Zero or negative means the times are unusable (end not after start);
 * malformed times give 0 rather than throwing, so a half-filled form can still show a total.
 */
export function durationMinutes(startTime: string, endTime: string): number {
  if (!isClockTime(startTime) || !isClockTime(endTime)) return 0;
  return toMinutes(endTime) - toMinutes(startTime);
}

/**
 * Rule 7: an entry earns at most the catalog's norm for the output it produced (norm × volume), so
 * stretching two letters over a whole morning earns two letters' worth. Without a norm the time
 * spent counts as is. Never negative, whatever the input.
 */
export function creditedMinutes(args: {
  startTime: string;
  endTime: string;
  volume: number;
  normMinutes: number | null;
}): number {
  const duration = Math.max(0, durationMinutes(args.startTime, args.endTime));
  if (args.normMinutes === null) return duration;
  const earned = args.normMinutes * args.volume;
  // A volume that is not a number earns nothing rather than poisoning the month's sums with NaN.
  if (Number.isNaN(earned)) return 0;
  return Math.max(0, Math.min(duration, earned));
}
