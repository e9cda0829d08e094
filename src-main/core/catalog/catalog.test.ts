import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CATALOG, DEMO_EMPLOYEES, DEMO_PEOPLE } from '../../../src-shared/demo';
import { makeTestCore, type TestCore } from '../test-support';

const act = (n: string) => `de30c000-0000-4000-8000-000000000${n}`;
const staff = DEMO_PEOPLE.staff[0];
const pranata = DEMO_EMPLOYEES.find((e) => /Pranata Komputer/i.test(e.positionTitle))!;

let t: TestCore;
let token: string;
beforeEach(async () => {
  t = await makeTestCore();
  token = await t.login(staff);
});
afterEach(() => t.close());

describe('catalog-search', () => {
  it('lists active activities this person may use, by name, when nothing is typed', async () => {
    const { items } = await t.call('catalog-search', { limit: 200 }, token);
    const visible = DEMO_CATALOG.filter((a) => a.active && a.scopePosition === null);
    expect(items.map((i) => i.id).sort()).toEqual(visible.map((a) => a.id).sort());
    const names = items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.some((i) => i.id === act('042'))).toBe(false);
  });

  it('shows position-scoped activities only to that position', async () => {
    const other = await t.login(pranata.id);
    const { items } = await t.call('catalog-search', { limit: 200 }, other);
    expect(items.some((i) => i.id === act('034'))).toBe(true);
  });

  it('matches every word typed, ignoring case and accents', async () => {
    const { items } = await t.call('catalog-search', { query: 'SURAT konsep' }, token);
    expect(items.map((i) => i.code)).toEqual(['ORG-001']);
    const none = await t.call('catalog-search', { query: 'zzzz' }, token);
    expect(none.items).toEqual([]);
  });

  it('puts favourites first, then what the person used most recently', async () => {
    await t.call('catalog-favorite-set', { activityId: act('020'), favorite: true }, token);
    for (const [n, start, end] of [['005', '08:00', '09:00'], ['008', '09:00', '10:00']] as const) {
      t.setNow(new Date(t.now.getTime() + 60_000).toISOString());
      await t.call('entry-create', { workDate: '2026-11-25', startTime: start, endTime: end, activityId: act(n), volume: 1, description: 'Menyelesaikan pekerjaan rutin bagian' }, token);
    }
    const { items } = await t.call('catalog-search', {}, token);
    expect(items.slice(0, 3).map((i) => [i.code, i.favorite, i.useCount])).toEqual([
      ['ORG-020', true, 0],
      ['ORG-008', false, 1],
      ['ORG-005', false, 1],
    ]);
    await t.call('catalog-favorite-set', { activityId: act('020'), favorite: false }, token);
    expect((await t.call('catalog-search', {}, token)).items[0]!.code).toBe('ORG-008');
  });

  it('refuses to star an inactive activity and bad arguments', async () => {
    const r = await t.send('catalog-favorite-set', { activityId: act('042'), favorite: true }, token);
    expect(!r.ok && r.error.code).toBe('ACTIVITY_UNAVAILABLE');
    const bad = await t.send('catalog-search', { limit: 0 }, token);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });
});
