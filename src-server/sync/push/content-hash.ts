import { createHash } from 'node:crypto';
import type { Mutation } from '../../../src-shared/protocol';
import { canonicalJson } from '../../lib/canonical-json';

/** What a mutation says, apart from where it sits in the queue: a replay must say the same. */
export const mutationContentHash = (m: Mutation): string =>
  createHash('sha256')
    .update(canonicalJson({ name: m.name, args: m.args, actorId: m.actorId, clientTime: m.clientTime }))
    .digest('hex');
