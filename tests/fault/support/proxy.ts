import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault proxy on 127.0.0.1 between a workstation and the central server: it forwards requests
 * unchanged, except those a test queued a fault for, and can cut the cable altogether. Faults act
 * on the client's TCP connection (reset, drop), so a kept-alive fetch connection dies with them
 * and the next request opens a new one, as after a real network fault.
 */
export type FaultRule =
  /** Forward, let the server commit and answer, then cut the client connection instead of answering. */
  | { kind: 'drop-after-forward' }
  /** Cut the client connection without forwarding. */
  | { kind: 'reset' }
  /** Wait, then forward. */
  | { kind: 'delay'; ms: number }
  /**
   * Answer `{error:{code,message}}` with this status. Not forwarded, unless `afterForward`: then
   * the server commits and its answer is replaced (a gateway timing out after the commit).
   */
  | { kind: 'status'; status: number; code: string; message?: string; headers?: Record<string, string>; afterForward?: boolean }
  /** Never answer (until clear() or close() cut the connection). */
  | { kind: 'hang' };

export interface FaultMatch {
  /** A string matches the path without its query exactly; a RegExp is tested on the path with its query. */
  path?: string | RegExp;
  method?: string;
  /** How many matching requests get the fault (default 1; Infinity for all until clear()). */
  times?: number;
}

export type Outcome =
  | 'forwarded'
  | 'dropped'
  | 'reset'
  | 'status'
  | 'hung'
  /** Reset while partition(true). */
  | 'partitioned'
  /** The server refused or died mid-request: the client connection is cut, as it would be without a proxy. */
  | 'upstream-error'
  /** The client gave up (or its connection was cut) before the server's answer came back. */
  | 'client-gone';

export interface LogEntry {
  method: string;
  path: string;
  outcome: Outcome;
  /** The status the client received, or for 'dropped' the one the server answered. */
  status?: number;
  /** The fault applied, if any (delay rules still end 'forwarded'). */
  rule?: FaultRule['kind'];
  /** Date.now() when the request arrived. */
  at: number;
}

export interface ProxyRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxy {
  readonly url: string;
  readonly upstream: string;
  /** Every request so far, in the order they finished (hung ones when they arrived). */
  readonly log: LogEntry[];
  /** Client connections accepted so far: a kept-alive connection counts once. */
  readonly connectionCount: number;
  /** What onRequest hooks threw (the request's connection was cut): a test should expect this empty. */
  readonly hookErrors: unknown[];
  retarget(upstream: string): void;
  inject(rule: FaultRule, match?: FaultMatch): void;
  partition(on: boolean): void;
  /** Drops the queued faults and cuts hung requests. */
  clear(): void;
  /**
   * Called when a request has arrived (body read), before the fault decision; the proxy waits for
   * a returned promise, so a test can e.g. kill the server first. Returns the unsubscribe function.
   */
  onRequest(fn: (req: ProxyRequest) => void | Promise<void>): () => void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);

function endToEnd(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

interface Queued {
  rule: FaultRule;
  match: FaultMatch;
  left: number;
}

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request to the server on a fresh connection: no pooled socket of a killed server is ever reused. */
function forward(upstream: string, req: ProxyRequest): Promise<UpstreamAnswer> {
  const target = new URL(req.path, upstream);
  return new Promise((resolve, reject) => {
    const out = http.request(
      target,
      { method: req.method, headers: { ...endToEnd(req.headers), 'content-length': String(req.body.length) }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('upstream aborted the response')));
      },
    );
    out.on('error', reject);
    out.end(req.body);
  });
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that goes away mid-body never sends 'end'.
    req.on('close', () => {
      if (!req.complete) reject(new Error('client went away before the end of its request'));
    });
  });
}

/** RST rather than FIN: the client sees ECONNRESET / "other side closed", never a clean empty answer. */
function cut(socket: Socket): void {
  if (socket.destroyed) return;
  socket.resetAndDestroy();
}

function matches(q: Queued, req: ProxyRequest): boolean {
  const { path, method } = q.match;
  if (method && method.toUpperCase() !== req.method) return false;
  if (path === undefined) return true;
  if (typeof path === 'string') return req.path.split('?')[0] === path;
  path.lastIndex = 0;
  return path.test(req.path);
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  let target = upstream;
  let partitioned = false;
  let connections = 0;
  let closed = false;
  const queue: Queued[] = [];
  const log: LogEntry[] = [];
  const hooks = new Set<(req: ProxyRequest) => void | Promise<void>>();
  const hookErrors: unknown[] = [];
  const sockets = new Set<Socket>();
  const hung = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const take = (req: ProxyRequest): FaultRule | undefined => {
    const i = queue.findIndex((q) => matches(q, req));
    if (i < 0) return undefined;
    const q = queue[i]!;
    q.left -= 1;
    if (q.left <= 0) queue.splice(i, 1);
    return q.rule;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const answerError = (res: http.ServerResponse, rule: Extract<FaultRule, { kind: 'status' }>) => {
    const body = JSON.stringify({ error: { code: rule.code, message: rule.message ?? `injected ${rule.status} ${rule.code}` } });
    res.writeHead(rule.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...rule.headers });
    res.end(body);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const socket = req.socket;
    const body = await readBody(req);
    const request: ProxyRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
    const record = (outcome: Outcome, extra: Partial<LogEntry> = {}) => log.push({ method: request.method, path: request.path, outcome, at, ...extra });

    for (const hook of [...hooks]) {
      try {
        await hook(request);
      } catch (err) {
        hookErrors.push(err);
        return cut(socket);
      }
    }
    if (partitioned) {
      record('partitioned');
      return cut(socket);
    }
    const rule = take(request);
    const kind = rule?.kind;
    if (rule?.kind === 'reset') {
      record('reset', { rule: kind });
      return cut(socket);
    }
    if (rule?.kind === 'hang') {
      record('hung', { rule: kind });
      hung.add(socket);
      return;
    }
    if (rule?.kind === 'status' && !rule.afterForward) {
      answerError(res, rule);
      record('status', { status: rule.status, rule: kind });
      return;
    }
    if (rule?.kind === 'delay') {
      await sleep(rule.ms);
      // Still in transit when the cable was pulled or the client gave up: the server never sees it.
      if (partitioned || socket.destroyed) {
        record(partitioned ? 'partitioned' : 'client-gone', { rule: kind });
        return cut(socket);
      }
    }

    let answer: UpstreamAnswer;
    try {
      answer = await forward(target, request);
    } catch {
      record('upstream-error', { rule: kind });
      return cut(socket);
    }
    // A partition that began while the server worked takes the answer with it.
    if (partitioned) {
      record('partitioned', { status: answer.status, rule: kind });
      return cut(socket);
    }
    if (socket.destroyed) {
      record('client-gone', { status: answer.status, rule: kind });
      return;
    }
    if (rule?.kind === 'drop-after-forward') {
      record('dropped', { status: answer.status, rule: kind });
      return cut(socket);
    }
    if (rule?.kind === 'status') {
      answerError(res, rule);
      record('status', { status: rule.status, rule: kind });
      return;
    }
    res.writeHead(answer.status, { ...endToEnd(answer.headers), 'content-length': answer.body.length });
    res.end(answer.body);
    record('forwarded', { status: answer.status, ...(kind ? { rule: kind } : {}) });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => cut(req.socket));
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      hung.delete(socket);
    });
    // A reset socket may still emit ECONNRESET from a late write; nothing to do about it.
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get upstream() {
      return target;
    },
    log,
    hookErrors,
    get connectionCount() {
      return connections;
    },
    retarget(next) {
      target = next;
    },
    inject(rule, match = {}) {
      const times = match.times ?? 1;
      if (!(times > 0)) throw new Error(`times must be positive, got ${times}`);
      queue.push({ rule, match, left: times });
    },
    partition(on) {
      partitioned = on;
      // Pulling the cable kills the open connections too, idle kept-alive ones included.
      if (on) for (const s of sockets) cut(s);
    },
    clear() {
      queue.length = 0;
      for (const s of hung) cut(s);
      hung.clear();
    },
    onRequest(fn) {
      hooks.add(fn);
      return () => hooks.delete(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) cut(s);
      await done;
    },
  };
}
