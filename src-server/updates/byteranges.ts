import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * electron-updater's differential download (generic provider) asks for all changed blocks of the
 * new installer in one request, `Range: bytes=a-b, c-d, …`, and needs every part back in the order
 * asked as `206 multipart/byteranges`; it splits the body by part lengths, so parts must be neither
 * merged nor reordered. @fastify/send answers such a request with the whole file, which makes the
 * updater give up on the differential download, so these requests are served here.
 */
export interface ByteRange {
  start: number;
  /** Inclusive, like the header. */
  end: number;
}

/** electron-updater sends at most 1,000 ranges per request. */
export const MAX_RANGES = 1000;
const CHUNK = 64 * 1024;

/**
 * The ranges of a request this module serves: two or more, each well-formed and inside the file,
 * ascending and not overlapping, so the answer is never larger than the file plus part headers.
 * Anything else (`null`) is left to @fastify/send: one range → 206, none satisfiable → 416, odd or
 * overlapping lists → the whole file, as RFC 9110 allows.
 */
export function multipleRanges(header: string | undefined, size: number): ByteRange[] | null {
  const list = header === undefined ? null : /^\s*bytes=(.*)$/i.exec(header)?.[1];
  if (!list) return null;
  const specs = list.split(',');
  if (specs.length < 2 || specs.length > MAX_RANGES) return null;
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const m = /^\s*(\d*)-(\d*)\s*$/.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    const range =
      m[1] === ''
        ? { start: Math.max(0, size - Number(m[2])), end: size - 1 }
        : { start: Number(m[1]), end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
    if (range.start >= size || range.end < range.start) return null;
    const previous = ranges.at(-1);
    if (previous && range.start <= previous.end) return null;
    ranges.push(range);
  }
  return ranges;
}

export interface MultipartBody {
  contentType: string;
  length: number;
  stream(): Readable;
}

/** The body of a 206 answer to several ranges (RFC 9110 §14.6): parts delimited by a random boundary. */
export function multipartBody(file: string, ranges: ByteRange[], size: number, partType: string): MultipartBody {
  const boundary = `kk-${randomBytes(12).toString('hex')}`;
  const heads = ranges.map((r, i) =>
    Buffer.from(`${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${partType}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = heads.reduce((n, h) => n + h.length, tail.length) + ranges.reduce((n, r) => n + r.end - r.start + 1, 0);

  async function* parts(): AsyncGenerator<Buffer> {
    // One handle for all parts: a file replaced meanwhile cannot mix two versions in one answer.
    const handle = await open(file, 'r');
    try {
      for (const [i, range] of ranges.entries()) {
        yield heads[i]!;
        for (let at = range.start; at <= range.end; ) {
          const want = Math.min(CHUNK, range.end - at + 1);
          const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(want), 0, want, at);
          if (bytesRead === 0) throw new Error(`${file} shrank while it was being sent`);
          yield buffer.subarray(0, bytesRead);
          at += bytesRead;
        }
      }
      yield tail;
    } finally {
      await handle.close();
    }
  }

  return { contentType: `multipart/byteranges; boundary=${boundary}`, length, stream: () => Readable.from(parts()) };
}
