import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { kioskSecurityHeaders } from '../../src-shared/csp';

/**
 * The bridge's gatekeeping, kept apart from the routing so each rule is read in one place.
 * The bridge drives a kiosk full of people's records, so a page in another browser tab (foreign
 * `Origin`), a rebound DNS name (foreign `Host`) and anything without the per-start token are
 * refused before any command runs.
 */

export { BRIDGE_TOKEN_HEADER as TOKEN_HEADER, BRIDGE_EVENT_SEQ_HEADER as EVENT_SEQ_HEADER } from '../../src-shared/devbridge';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that tokens of a different length
 * take the same path and the length of the real one is not revealed.
 */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** Only the IPv4 loopback: the kiosk's data must never be reachable from the office network. */
export function assertLoopback(host: string): void {
  if (host !== '127.0.0.1') {
    throw new Error(`dev bridge: refusing to listen on ${JSON.stringify(host)}; only 127.0.0.1 is allowed`);
  }
}

/**
 * Host and Origin checks shared by plain requests and the WebSocket upgrade; returns the refusal
 * status or null. A missing Origin is allowed (curl, Node's fetch); a present one must be ours.
 */
export function refuseForeign(req: IncomingMessage, self: { host: string; origin: string }): number | null {
  if (req.headers.host !== self.host) return 403;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== self.origin) return 403;
  return null;
}

/** The token of a WebSocket upgrade: `?token=` or one of the offered subprotocols. */
export function upgradeTokenMatches(expected: string, url: URL, req: IncomingMessage): boolean {
  if (tokenMatches(expected, url.searchParams.get('token'))) return true;
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered !== 'string') return false;
  return offered.split(',').some((p) => tokenMatches(expected, p.trim()));
}

/**
 * Headers on every answer: the kiosk's own (src-shared/csp.ts, the same as the Electron shell's),
 * with this bridge's event socket added to connect-src.
 */
export function securityHeaders(self: { host: string; origin: string }): OutgoingHttpHeaders {
  return kioskSecurityHeaders({ connectSrc: [`ws://${self.host}`] });
}
