import type { FastifyRequest } from 'fastify';
import { hashSecret } from './tokens';

/**
 * Sync calls are rate-limited per workstation (its token), not per address: a whole office often
 * shares one NAT address. Without a usable token the address is the key (the call fails auth anyway).
 */
export function workstationKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? `ws:${hashSecret(header.slice(7)).slice(0, 32)}` : `ip:${request.ip}`;
}
