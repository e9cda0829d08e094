import { z } from 'zod';

/**
 * The pull cursor (PROTOCOL.md "Cursor"): opaque to the client, base64url of a small JSON naming
 * the database epoch, the unit, and how far each scope has been sent. `f` is the format, so a later
 * server can change the shape and still recognise (and reset) an old cursor.
 */
export interface Cursor {
  epoch: string;
  unitId: string;
  /** Every global-scope version up to this one has been sent. */
  global: number;
  /** Every version of the unit's scope up to this one has been sent. */
  unit: number;
}

const FORMAT = 1;
/** Far above any cursor this server writes (~130 characters); longer input is not worth decoding. */
const MAX_CURSOR_CHARS = 512;

const Position = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const CursorJsonSchema = z.object({ f: z.literal(FORMAT), e: z.string().min(1).max(100), u: z.guid(), g: Position, v: Position });

export function encodeCursor(c: Cursor): string {
  const json = JSON.stringify({ f: FORMAT, e: c.epoch, u: c.unitId, g: c.global, v: c.unit });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Null when the text is not a cursor of this format; the caller answers a reset. */
export function decodeCursor(text: string): Cursor | null {
  if (text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = CursorJsonSchema.safeParse(json);
  if (!parsed.success) return null;
  const { e, u, g, v } = parsed.data;
  return { epoch: e, unitId: u, global: g, unit: v };
}
