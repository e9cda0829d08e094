import type { CommandResult, ParsedArgs } from '../../../src-shared/api';
import { errorMessage, fail, formatMessage, ok, type ErrorCode, type MessageParams, type Result } from '../../../src-shared/errors';
import { labels } from '../../../src-shared/i18n/id';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol';
import type { CoreContext } from '../context';
import type { Session } from '../kiosk/sessions';
import { getEmployee, syncIdentity } from '../reference/queries';
import { healthRequest, type FetchLike, type HealthAnswer } from '../sync/transport';

type Answer = CommandResult<'workstation-test-connection'>;

/** Long enough for a slow office link, short enough that the operator is not left waiting. */
export const CONNECTION_TIMEOUT_MS = 5_000;

const L = labels.connection;

export interface ConnectionOptions {
  timeoutMs?: number;
  fetch?: FetchLike;
}

/**
 * "Uji koneksi" on the setup and settings screens. Before enrollment anyone at the PC may try an
 * address (nobody can log in yet); once enrolled, only an operator, as for workstation-enroll:
 * the test makes the PC contact any address typed in. Every outcome of the request is an answer
 * (reachable or why not), never a refusal; the message is Indonesian, as the core's error
 * messages are, and the code lets a screen say it in its own language.
 */
export async function testConnection(
  ctx: CoreContext,
  session: Session | null,
  args: ParsedArgs<'workstation-test-connection'>,
  opts: ConnectionOptions = {},
): Promise<Result<Answer>> {
  if (syncIdentity(ctx.db)?.workstationId) {
    if (!session) return fail('SESSION_REQUIRED');
    const roles = getEmployee(ctx.db, session.employeeId)?.roles ?? [];
    if (!roles.includes('operator') && !roles.includes('admin')) return fail('FORBIDDEN');
  }
  const checked = checkServerUrl(args.serverUrl);
  if (!checked.ok) return ok(notReached('VALIDATION', checked.message));
  const timeoutMs = opts.timeoutMs ?? CONNECTION_TIMEOUT_MS;
  const answer = await healthRequest({ timeoutMs, ...(opts.fetch ? { fetch: opts.fetch } : {}) }, checked.url);
  return ok(describeHealth(answer, timeoutMs));
}

/**
 * The address rules of enrollment (http or https, a host), plus what would make the API path
 * wrong or put a secret into the settings and the audit: credentials, a query, a fragment.
 */
export function checkServerUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // `kinerja.pemda.go.id` without a scheme lands here too: the example shows the full form.
    return { ok: false, message: L.urlInvalid };
  }
  // `localhost:8080` parses with `localhost:` as its scheme.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: L.urlScheme };
  if (!url.hostname) return { ok: false, message: L.urlInvalid };
  if (url.username || url.password || url.search || url.hash || text.endsWith('?') || text.endsWith('#')) return { ok: false, message: L.urlExtra };
  return { ok: true, url: text };
}

/**
 * One answer per way the request can end. Codes: SERVER_UNREACHABLE when nothing answered (name,
 * port, time, TLS), NOT_FOUND when something answered that is not a Kinerja server (a 404, an
 * HTML page, a proxy's refusal), UNAVAILABLE for our server's 5xx, PROTOCOL_UNSUPPORTED when the
 * versions differ. A protocol mismatch is not "reachable": the PC could not sync with it.
 */
export function describeHealth(answer: HealthAnswer, timeoutMs: number): Answer {
  const ms = answer.ms;
  if (answer.ok) {
    const { protocol, serverTime } = answer.value;
    if (protocol === PROTOCOL_VERSION) {
      return { reachable: true, code: null, message: formatMessage(L.ok, { protocol, ms: ms ?? 0 }), serverTime, protocol, ms };
    }
    const text = protocol > PROTOCOL_VERSION ? L.appOlder : L.serverOlder;
    return { ...notReached('PROTOCOL_UNSUPPORTED', text, { server: protocol, client: PROTOCOL_VERSION }, ms), serverTime, protocol };
  }
  const f = answer.failure;
  switch (f.kind) {
    case 'dns':
    case 'refused':
    case 'timeout':
    case 'network': {
      const reason = formatMessage(L.reason[f.kind], { seconds: Math.max(1, Math.round(timeoutMs / 1000)) });
      return notReached('SERVER_UNREACHABLE', L.unreachable, { reason: f.cause === 'timeout' ? reason : `${reason}; ${f.cause}` });
    }
    case 'certificate':
      return notReached('SERVER_UNREACHABLE', L.certificate, { detail: f.cause });
    case 'tls':
      return notReached('SERVER_UNREACHABLE', L.tls, { detail: f.cause });
    case 'http':
      if (f.status >= 500) return notReached('UNAVAILABLE', L.serverError, { detail: f.cause }, ms);
      // Our server limits requests per address; the health check is cheap but counted all the same.
      if (f.status === 429) return notReached('RATE_LIMITED', errorMessage('RATE_LIMITED'), undefined, ms);
      // Our health route answers anyone: any other refusal came from a different server or a proxy.
      return notReached('NOT_FOUND', L.notKinerja, { detail: f.cause }, ms);
    case 'not-health':
      return notReached('NOT_FOUND', L.notKinerja, { detail: f.cause }, ms);
  }
}

function notReached(code: ErrorCode, template: string, params?: MessageParams, ms: number | null = null): Answer {
  return { reachable: false, code, message: formatMessage(template, params), serverTime: null, protocol: null, ms };
}
