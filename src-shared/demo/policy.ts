import { PolicySchema } from '../domain/policy';
import type { Policy } from '../domain/policy';

/** The demo unit runs on the documented defaults; one object so every demo path agrees. */
export const DEMO_POLICY: Policy = PolicySchema.parse({});
