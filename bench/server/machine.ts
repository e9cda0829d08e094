import fs from 'node:fs';
import os from 'node:os';

/**
 * How busy the machine was: on a shared 2-core VM other work competes with the server, PostgreSQL
 * and the load worker, and the figures mean little without this line beside them.
 */
export function machineLoad(): string {
  const load = os.loadavg()[0]!.toFixed(1);
  let pressure = '';
  try {
    const some = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    if (some) pressure = `, CPU pressure ${Number(some[1]).toFixed(0)} % (tasks waiting for a core, 60 s mean)`;
  } catch {
    // Not Linux, or no PSI: the load average alone.
  }
  return `load average ${load} (1 min) on ${os.availableParallelism()} cores${pressure}`;
}
