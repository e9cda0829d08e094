import type { CommandName, Events } from '../../src-shared/api';
import { EVENT_NAMES } from '../../src-shared/command-auth';
import { fail, type Result } from '../../src-shared/errors';
import { BRIDGE_EVENT_SEQ_HEADER as EVENT_SEQ_HEADER, BRIDGE_TOKEN_HEADER as TOKEN_HEADER } from '../../src-shared/devbridge';
import type { Api } from '../api';
import { asAppError, eventPayload } from './shapes';
import { SessionKeeper } from './session';

/**
 * The `Api` over the dev bridge (src-main/devbridge): commands as `POST /api/cmd`, events from
 * one WebSocket at `/api/events`. Browser code only (fetch, WebSocket); it also runs under Node 24
 * for the bridge's tests. The screens cannot tell it from the Electron IPC transport.
 */
export interface BridgeOptions {
  /** The bridge's address, e.g. `http://127.0.0.1:5173`. */
  baseUrl: string;
  /** The bridge's per-start token (printed by src-main/devbridge/main.ts). */
  token: string;
  /** Told when the event socket opens (true) or drops (false), e.g. for a developer's banner. */
  onConnection?: (up: boolean) => void;
}

export interface BridgeApi extends Api {
  /** Resolves once the event socket is open (tests wait for it before causing events). */
  whenConnected(): Promise<void>;
  /** Closes the event socket for good and forgets the session. */
  close(): void;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

type AnyListener = (payload: unknown) => void;

/** A command that never got an answer. It may or may not have run: the screen must not assume either. */
function unreachable(detail: string): Result<never> {
  console.warn(`[bridge] ${detail}`);
  return fail('APP_UNREACHABLE');
}

/** A body is a Result when it has the Result's shape; anything else is a transport failure. */
function asResult(body: unknown): Result<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const r = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok === true && 'value' in r) return { ok: true, value: r.value };
  if (r.ok === false) {
    const error = asAppError(r.error);
    if (error) return { ok: false, error };
  }
  return null;
}

export function createBridgeApi(opts: BridgeOptions): BridgeApi {
  const cmdUrl = new URL('/api/cmd', opts.baseUrl).toString();
  const eventsUrl = new URL('/api/events', opts.baseUrl);
  eventsUrl.protocol = eventsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const session = new SessionKeeper();
  const listeners = new Map<keyof Events, Set<AnyListener>>();

  async function send(name: CommandName, args: unknown): Promise<Result<unknown>> {
    const { wire, ticket } = session.prepare(name, (args ?? {}) as object);
    let response: Response;
    try {
      response = await fetch(cmdUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: opts.token },
        body: JSON.stringify({ name, args: wire }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      return unreachable(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 413) {
      await response.body?.cancel();
      return fail('VALIDATION', { params: { field: '(argumen)', detail: 'request too large' } });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return unreachable(`${name}: HTTP ${response.status}, not JSON`);
    }
    const result = response.ok ? asResult(body) : null;
    if (!result) return unreachable(`${name}: HTTP ${response.status}`);
    const seq = Number(response.headers.get(EVENT_SEQ_HEADER));
    return session.settle(ticket, result, Number.isInteger(seq) ? seq : undefined);
  }

  function deliver(data: unknown): void {
    let message: { event?: unknown; payload?: unknown; seq?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    const event = message.event as keyof Events;
    if (!EVENT_NAMES.includes(event)) return;
    const payload = eventPayload(event, message.payload);
    if (payload === null) return;
    // The transport forgets the person before any screen hears of it; an end that was about the
    // person before the current login is nobody's business any more (session.ts).
    if (event === 'session-ended' && !session.ended(typeof message.seq === 'number' ? message.seq : undefined)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`[bridge] ${event} listener failed`, error);
      }
    }
  }

  let socket: WebSocket | null = null;
  let closed = false;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let opened: () => void = () => undefined;
  let connected = new Promise<void>((resolve) => (opened = resolve));

  function connect(): void {
    if (closed) return;
    // The token rides as the subprotocol: it stays out of URLs, logs and history.
    const ws = new WebSocket(eventsUrl.toString(), opts.token);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      opened();
      opts.onConnection?.(true);
    };
    ws.onmessage = (e: MessageEvent) => deliver(e.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return;
      connected = new Promise<void>((resolve) => (opened = resolve));
      if (attempts === 0) opts.onConnection?.(false);
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts);
      attempts += 1;
      retry = setTimeout(connect, delay);
    };
    // An error is always followed by close, which schedules the retry.
    ws.onerror = () => undefined;
  }
  connect();

  const api: BridgeApi = {
    send: send as Api['send'],
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as AnyListener;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    whenConnected: () => connected,
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const ws = socket;
      socket = null;
      ws?.close();
      listeners.clear();
      session.ended();
    },
  };
  return api;
}
