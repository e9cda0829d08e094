import { createHash } from 'node:crypto';
import type { Mutation } from '../../../src-shared/protocol';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a mutation says, apart from where it sits in the queue: a replay must say the same. */
export const mutationContentHash = (m: Mutation): string =>
  createHash('sha256')
    .update(canonicalJson({ name: m.name, args: m.args, actorId: m.actorId, clientTime: m.clientTime }))
    .digest('hex');
