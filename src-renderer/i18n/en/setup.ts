import type { setup as id } from '../id/setup';

export const setup: typeof id = {
  title: 'Set up this PC',
  intro: 'This PC is not registered with the central server yet, so nobody can sign in. Fill in the three items below, test the connection, then register it.',
  form: {
    label: 'PC registration',
    serverUrl: 'Server address',
    serverUrlHint: 'Example: https://kinerja.probolinggokota.go.id',
    code: 'Registration code',
    codeHint: 'Given by the central server’s administrator. One code is for one PC only.',
    name: 'PC name',
    nameHint: 'A name that is easy to recognise, for example “PC Bagian Organisasi 1”.',
    required: 'Required.',
    test: 'Test connection',
    testing: 'Testing the connection…',
    enroll: 'Register this PC',
    enrolling: 'Registering and fetching the staff list…',
  },
  connection: {
    ok: 'Connected to the server (protocol version {protocol}, {ms} ms).',
    invalidUrl: 'The server address is not valid.',
    notOurServer: 'This address is not a Kinerja Kiosk server.',
    todo: {
      VALIDATION: 'Type the full address starting with https:// (or http://), as in the example.',
      SERVER_UNREACHABLE: 'Check the address and that this PC is connected to the office network, then test again.',
      PROTOCOL_UNSUPPORTED: 'Install the latest version of this app, then try again.',
      UNAVAILABLE: 'The server has a problem. Try again in a few minutes or call the server’s administrator.',
      RATE_LIMITED: 'Too many attempts. Wait a minute, then try again.',
      other: 'Check the address, then try again. If it still fails, call the server’s administrator.',
    },
  },
  invalid: {
    serverUrl: 'The server address is not valid. Type the full address starting with https://, as in the example.',
    enrollmentCode: 'The registration code cannot be used. Check the code again.',
    name: 'The PC name is not valid: 200 characters at most.',
  },
};
