import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionEndedSchema, SyncStatusSchema } from '../../src-shared/api';
import { AppErrorSchema } from '../../src-shared/error-schemas';
import { ERROR_CODES } from '../../src-shared/errors';
import { asAppError, eventPayload } from '../../src-renderer/transport/shapes';

/**
 * The renderer checks bridge messages by hand (no zod in the screens' first load); these
 * properties hold it to the zod schemas the core's answers are defined by: on any input, both
 * accept or both refuse.
 */
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.integer(), fc.string(), fc.boolean(), fc.constant(null)) });
const iso = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const code = fc.constantFrom(...ERROR_CODES, 'NOT_A_CODE');

const syncStatus = fc.record({
  enrolled: maybe(fc.boolean()),
  serverUrl: maybe(fc.oneof(fc.constant(null), fc.webUrl())),
  workstationId: maybe(fc.oneof(fc.constant(null), fc.uuid())),
  online: maybe(fc.oneof(fc.constant(null), fc.boolean())),
  running: maybe(fc.boolean()),
  pending: maybe(fc.nat()),
  lastSuccessAt: maybe(fc.oneof(fc.constant(null), iso)),
  lastError: maybe(fc.oneof(fc.constant(null), fc.record({ code, message: maybe(fc.string()), at: maybe(iso) }))),
  nextAttemptAt: maybe(fc.oneof(fc.constant(null), iso)),
  blocked: maybe(fc.constantFrom(null, 'unauthenticated', 'revoked', 'reenroll', 'update', 'other')),
});

const appError = fc.record(
  {
    code,
    message: maybe(fc.string()),
    field: maybe(fc.string()),
    params: maybe(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean()))),
  },
  { requiredKeys: ['code'] },
);

describe('bridge message shapes without zod', () => {
  it('accept exactly the sync statuses SyncStatusSchema accepts', () => {
    fc.assert(
      fc.property(syncStatus, (s) => {
        expect(eventPayload('sync-status', s) !== null).toBe(SyncStatusSchema.safeParse(s).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accept exactly the session-ended payloads SessionEndedSchema accepts', () => {
    fc.assert(
      fc.property(fc.record({ reason: fc.constantFrom('logout', 'idle', 'replaced', 'other', 3, null) }), (p) => {
        expect(eventPayload('session-ended', p) !== null).toBe(SessionEndedSchema.safeParse(p).success);
      }),
    );
  });

  it('accept exactly the errors AppErrorSchema accepts, and keep their fields', () => {
    fc.assert(
      fc.property(appError, (e) => {
        const parsed = AppErrorSchema.safeParse(e);
        const mine = asAppError(e);
        expect(mine !== null).toBe(parsed.success);
        if (parsed.success) expect(mine).toEqual(parsed.data);
      }),
      { numRuns: 2000 },
    );
  });
});
