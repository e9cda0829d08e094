import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import { entries } from '../../db/schema';
import { nextVersion } from '../../db/sync-scope';
import { writeReference } from '../../reference/write';
import { engineName, enrollTestWorkstation, makeTestServer, type EnrolledWorkstation, type TestServer } from '../../test-support';
import { changeEntry, entryValues, insertEntries, pullPage, Replica } from './test-support';

/**
 * A workstation that keeps pulling while others write must end up holding exactly what the server
 * holds: nothing skipped, nothing stale. Compared against a fresh pull from the beginning.
 */
const E = DEMO.employees;
const unitId = DEMO.unit.id;

describe('pull while others write (snapshot consistency)', () => {
  let server: TestServer;
  let ws: EnrolledWorkstation;
  beforeAll(async () => {
    server = await makeTestServer();
    ws = await enrollTestWorkstation(server);
  });
  afterAll(() => server.close());

  const serverState = async () => {
    const fresh = new Replica();
    await fresh.sync(server, ws, 5000);
    return fresh.rows;
  };

  it('picks up writes committed between pages, including changes to rows already sent', async () => {
    const now = server.clock.now;
    const { ids } = await insertEntries(server.db, unitId, E.map((e) => ({ employeeId: e.id })), now);
    const replica = new Replica();
    await replica.sync(server, ws, 4, async (page) => {
      await insertEntries(server.db, unitId, [{ employeeId: E[page % E.length]!.id, description: `Ditulis setelah halaman ${page}` }], now);
      if (page < ids.length) await changeEntry(server.db, unitId, ids[page]!, { rev: 2, description: `Diubah setelah halaman ${page}` }, now);
      if (page === 2) await changeEntry(server.db, unitId, ids[ids.length - 1]!, { deleted: true }, now);
      if (page === 1) {
        await server.db.transaction((tx) => writeReference(tx, { catalog: [{ ...DEMO.catalog[0]!, name: 'Nama kegiatan baru' }] }, now));
      }
    });
    await replica.sync(server, ws, 4);
    expect(replica.rows).toEqual(await serverState());
    expect(replica.rows.get(`catalog:${DEMO.catalog[0]!.id}`)).toMatchObject({ name: 'Nama kegiatan baru' });
    expect(replica.rows.has(`entries:${ids[ids.length - 1]}`)).toBe(false);
  });

  it('ends up with every row when writers commit concurrently with the pulls', async () => {
    const now = server.clock.now;
    const replica = new Replica();
    await replica.sync(server, ws);
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, Math.random() * 40));
        await insertEntries(server.db, unitId, [{ employeeId: E[i % E.length]!.id, description: `Tulisan serentak ${i}` }], now);
      }),
    ).finally(() => {
      writing = false;
    });
    while (writing) await replica.sync(server, ws, 3);
    await writers;
    await replica.sync(server, ws, 3);
    expect(replica.rows).toEqual(await serverState());
  });

  it.runIf(engineName() === 'postgres')('does not skip a version still being written while the pull reads', async () => {
    const replica = new Replica();
    await replica.sync(server, ws);
    const id = crypto.randomUUID();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const inFlight = new Promise<void>((r) => (written = r));
    const writer = server.db.transaction(async (tx) => {
      const version = await nextVersion(tx, unitId);
      await tx.insert(entries).values(entryValues({ id, employeeId: E[4]!.id }, unitId, version, server.clock.now));
      written();
      await held;
    });
    await inFlight;
    // The uncommitted version is invisible: the cursor must stay below it.
    const during = await pullPage(server, ws, replica.cursor);
    replica.apply(during);
    expect(during.changes).toEqual([]);
    release();
    await writer;
    const after = await pullPage(server, ws, replica.cursor);
    expect(after.changes.map((c) => c.id)).toEqual([id]);
  });
});
