import { formatNip } from '../../src-shared/domain/nip';
import { errorMessage } from '../../src-shared/errors';
import { setPin } from '../employees/set-pin';
import { EXIT, type Command } from './command';

export const setPinCommand: Command = {
  name: 'set-pin',
  summary: "Set an employee's kiosk PIN (an initial PIN, or a reset)",
  positionals: 0,
  options: {
    nip: { type: 'string', arg: '<nip>', help: 'the employee (18 digits; spaces allowed)' },
    pin: { type: 'string', arg: '<pin>', help: 'the PIN; better piped on stdin, or typed at the prompt (not shown), so it stays out of the shell history' },
    'no-must-change': { type: 'boolean', help: 'do not force a PIN change at the next kiosk login' },
  },
  details: [
    'The PIN must follow the unit policy (length, no repeated or sequential digits). Workstations of',
    'the unit receive the new PIN at their next sync. The audit log records the change, never the PIN.',
    'Examples:',
    '  npm run server -- set-pin --nip 199206182019032007            (asks for the PIN twice)',
    '  printf "%s" "$PIN" | npm run server -- set-pin --nip 199206182019032007',
  ],
  async run(ctx) {
    const nip = ctx.values['nip'];
    if (typeof nip !== 'string' || nip === '') return ctx.fail(EXIT.usage, 'missing --nip <nip>');
    let pin = typeof ctx.values['pin'] === 'string' ? ctx.values['pin'] : null;
    if (pin === null) {
      pin = await ctx.io.readSecret('New PIN (not shown): ');
      if (pin !== null && ctx.io.interactive && (await ctx.io.readSecret('Repeat the PIN: ')) !== pin) {
        return ctx.fail(EXIT.failed, 'the two PINs differ; nothing was changed');
      }
    }
    if (pin === null || pin === '') return ctx.fail(EXIT.usage, 'no PIN given: pipe it on stdin, type it at the prompt, or use --pin');
    const mustChangePin = ctx.values['no-must-change'] !== true;
    const now = ctx.io.now();
    const result = await ctx.withDatabase(({ db }) => setPin(db, { nip, pin: pin.trim(), mustChangePin }, now));
    if (!result.ok) {
      return ctx.fail(EXIT.failed, `${errorMessage(result.code, result.params, 'en')} (${result.code}, NIP ${nip})`, { code: result.code });
    }
    const shown = formatNip(nip);
    return ctx.done(
      { employeeId: result.employeeId, nip: nip.replace(/\D/g, ''), unit: result.unitCode, mustChangePin, version: result.version },
      [
        `PIN set for ${result.name} (NIP ${shown}, unit ${result.unitCode}).`,
        mustChangePin ? 'The employee must choose a new PIN at the next kiosk login.' : 'The employee keeps this PIN (--no-must-change).',
        `Workstations of ${result.unitCode} receive it at their next sync.`,
      ],
    );
  },
};
