import type { CommandResult, SyncStatus } from '../../../src-shared/api';
import type { Settings } from '../../../src-shared/settings';
import { fakeApi, okv, type Script } from '../../test/fake-api';
import { sessionInfo } from '../../test/render';

/** Yohanes (demo set) keeps the unit's PCs running: he has the operator role. */
export const OPERATOR = sessionInfo({
  employee: {
    id: 'de30e000-0000-4000-8000-000000000006',
    nip: '199409022020011005',
    name: 'Yohanes Kristianto Wibowo, S.Kom.',
    positionTitle: 'Pranata Komputer Ahli Pertama',
    roles: ['staff', 'operator'],
    hasSubordinates: false,
  },
});

export const SERVER = 'https://kinerja.probolinggokota.go.id';
export const WORKSTATION = '0190a3f0-0000-7000-8000-0000000000ws';

export const settings = (over: Partial<Settings> = {}): Settings => ({
  language: 'id',
  syncIntervalMinutes: 5,
  kioskMode: true,
  backupKeep: 7,
  idleLogoutSeconds: null,
  ...over,
});

/** Local times (the screens show this PC's clock), as ISO instants. */
export const at = (day: number, h: number, m: number) => new Date(2026, 10, day, h, m).toISOString();

export const syncStatus = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  enrolled: true,
  serverUrl: SERVER,
  workstationId: WORKSTATION,
  online: true,
  running: false,
  pending: 3,
  lastSuccessAt: at(25, 9, 40),
  lastError: null,
  nextAttemptAt: at(25, 9, 45),
  blocked: null,
  ...over,
});

type LogItem = CommandResult<'sync-log'>['items'][number];
export const logItem = (over: Partial<LogItem> = {}): LogItem => ({
  id: 1,
  startedAt: at(25, 9, 40),
  finishedAt: at(25, 9, 40),
  trigger: 'timer',
  outcome: 'ok',
  pushed: 2,
  applied: 2,
  refused: 0,
  pulled: 5,
  errorCode: null,
  detail: null,
  ...over,
});

export const appStatus = (over: Partial<CommandResult<'app-status'>> = {}): CommandResult<'app-status'> => ({
  schemaVersion: 7,
  clientId: '0190a3f0-0000-7000-8000-0000000000c1',
  enrolled: true,
  unitName: 'Bagian Organisasi',
  restored: null,
  integrityWarning: null,
  pendingMutations: 3,
  ...over,
});

/** Every command the operator's screen reads, answering as a healthy, enrolled PC. */
export function operatorApi(over: Script = {}) {
  return fakeApi({
    'settings-get': () => okv(settings()),
    'settings-set': ({ key, value }) => okv({ ...settings(), [key]: value }),
    'workstation-status': () => okv(syncStatus()),
    'sync-log': () => okv({ items: [logItem()] }),
    'app-status': () => okv(appStatus()),
    ...over,
  });
}
