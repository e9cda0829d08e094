import { createServer, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../src-shared/api';
import { fail } from '../../src-shared/errors';
import type { Core } from '../core/core';
import {
  EVENT_SEQ_HEADER,
  TOKEN_HEADER,
  assertLoopback,
  newToken,
  refuseForeign,
  securityHeaders,
  tokenMatches,
  upgradeTokenMatches,
} from './guard';
import { serveStatic } from './static';

/**
 * The development bridge: the core's command map over HTTP (`POST /api/cmd`) and its events over
 * a WebSocket (`/api/events`), so the renderer runs in a real Chromium against the real core.
 * Dev and tests only: it is never part of a packaged build, and it listens on 127.0.0.1 with a
 * token that changes at every start.
 */
export interface DevBridgeOptions {
  core: Pick<Core, 'send' | 'on'>;
  host?: string;
  port?: number;
  /** The renderer's build folder, served at `/`; null or absent serves nothing but the API. */
  staticDir?: string | null;
  /**
   * Normally absent: a fresh random token per start. Given (≥ 43 base64url characters, i.e. 32
   * bytes), a restarted bridge keeps the token an open browser tab already has.
   */
  token?: string;
}

export interface DevBridge {
  /** `http://127.0.0.1:<port>` */
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Commands carry a few fields of text; 1 MiB is far above any honest request. */
export const BODY_LIMIT = 1024 * 1024;
/** Past this, a client that keeps sending after its 413 is cut off instead of drained. */
const DRAIN_LIMIT = 16 * BODY_LIMIT;

type Body = { kind: 'ok'; text: string } | { kind: 'too-big' } | { kind: 'aborted' };

function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((done) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let size = 0;
    let tooBig = declared > BODY_LIMIT;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooBig = true;
      // Keep reading (so the client gets its 413 rather than a reset), but stop keeping.
      if (tooBig) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => done(tooBig ? { kind: 'too-big' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => done({ kind: 'aborted' }));
    req.on('close', () => done({ kind: 'aborted' }));
  });
}

function parseCommand(text: string): { name: unknown; args: unknown } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('name' in body)) return null;
  return { name: body.name, args: 'args' in body ? body.args : undefined };
}

export async function startDevBridge(opts: DevBridgeOptions): Promise<DevBridge> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  const { core } = opts;
  if (opts.token !== undefined && !/^[A-Za-z0-9_-]{43,}$/.test(opts.token)) {
    throw new Error('dev bridge: a given token must be at least 32 random bytes in base64url');
  }
  const token = opts.token ?? newToken();
  // Known once listening (port 0 picks a free one); every check reads it from here.
  const self = { host: '', origin: '' };
  let headers: OutgoingHttpHeaders = {};
  let eventSeq = 0;

  const json = (res: ServerResponse, status: number, body: unknown, extra: OutgoingHttpHeaders = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      ...extra,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, extra: OutgoingHttpHeaders = {}): void =>
    json(res, status, { error: STATUS_CODES[status] ?? 'Error' }, extra);

  async function command(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-big') return refuse(res, 413, { connection: 'close' });
    const cmd = parseCommand(body.text);
    if (!cmd) return refuse(res, 400);
    let result: unknown;
    try {
      result = await core.send(cmd.name as string, cmd.args);
    } catch (error) {
      // dispatch() turns handler errors into INTERNAL itself; this is a bug below it.
      console.error('[devbridge] command failed', error);
      result = fail('INTERNAL');
    }
    json(res, 200, result, { [EVENT_SEQ_HEADER]: String(eventSeq) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const foreign = refuseForeign(req, self);
    if (foreign) return refuse(res, foreign);
    const url = new URL(req.url ?? '/', self.origin);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!tokenMatches(token, headerValue(req, TOKEN_HEADER))) return refuse(res, 401);
      if (url.pathname !== '/api/cmd') return refuse(res, 404);
      if (req.method !== 'POST') return refuse(res, 405, { allow: 'POST' });
      return command(req, res);
    }
    if (!opts.staticDir) return refuse(res, 404);
    return serveStatic(opts.staticDir, req, res, url.pathname, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[devbridge] request failed', error);
      if (!res.headersSent) refuse(res, 500);
      else res.destroy();
    });
  });

  // Events flow one way, to the renderer; what a client sends on the socket is ignored.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    handleProtocols: (offered) => [...offered].find((p) => tokenMatches(token, p)) ?? false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', self.origin || 'http://127.0.0.1');
    const status =
      refuseForeign(req, self) ??
      (url.pathname !== '/api/events' ? 404 : null) ??
      (upgradeTokenMatches(token, url, req) ? null : 401);
    if (status) {
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      ws.on('error', () => ws.terminate());
    });
  });

  const unsubscribe = EVENT_NAMES.map((event) =>
    core.on(event, (payload) => {
      eventSeq += 1;
      const message = JSON.stringify({ event, payload, seq: eventSeq });
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(message);
    }),
  );

  try {
    await new Promise<void>((ready, failed) => {
      server.once('error', failed);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', failed);
        ready();
      });
    });
  } catch (error) {
    for (const off of unsubscribe) off();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  self.host = `${host}:${port}`;
  self.origin = `http://${self.host}`;
  headers = securityHeaders(self);

  let closing: Promise<void> | null = null;
  return {
    url: self.origin,
    token,
    close() {
      closing ??= new Promise<void>((closed) => {
        for (const off of unsubscribe) off();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => closed());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? undefined : v;
}
