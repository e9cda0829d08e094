import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';

const cursor: Cursor = { epoch: '6f1c7f0e-8a4b-4c1e-9d2a-3b5e7c9d1f20', unitId: 'de30a000-0000-4000-8000-000000000001', global: 12, unit: 3456 };

describe('pull cursor', () => {
  it('round-trips as short URL-safe text', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(200);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('keeps positions up to the largest safe integer', () => {
    const far = { ...cursor, global: Number.MAX_SAFE_INTEGER, unit: 0 };
    expect(decodeCursor(encodeCursor(far))).toEqual(far);
  });

  it.each([
    ['empty text', ''],
    ['characters outside base64url', 'abc+/='],
    ['base64 of no JSON', Buffer.from('{oops').toString('base64url')],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['another format', Buffer.from(JSON.stringify({ f: 2, e: 'x', u: cursor.unitId, g: 0, v: 0 })).toString('base64url')],
    ['a fractional position', Buffer.from(JSON.stringify({ f: 1, e: 'x', u: cursor.unitId, g: 0.5, v: 0 })).toString('base64url')],
    ['a unit that is no id', Buffer.from(JSON.stringify({ f: 1, e: 'x', u: 'setda', g: 0, v: 0 })).toString('base64url')],
    ['overlong text', 'A'.repeat(513)],
  ])('reads %s as no cursor', (_what, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
