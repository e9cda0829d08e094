import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import fastifyStatic, { type SendOptions } from '@fastify/static';
import type { RoutePlugin } from '../http/app';
import { HttpError } from '../http/errors';
import { multipartBody, multipleRanges } from './byteranges';
import { cacheControlOf, contentTypeOf, resolveUpdateFile } from './files';

/** Headers are set by the route (type, caching); send adds length, ranges, ETag and Last-Modified. */
const SEND_OPTIONS: SendOptions = {
  acceptRanges: true,
  cacheControl: false,
  contentType: false,
  dotfiles: 'deny',
  etag: true,
  index: false,
  lastModified: true,
};

/**
 * The update feed of PROTOCOL.md: `<updatesDir>/<channel>/` served as electron-updater's generic
 * provider expects (latest.yml, installers, blockmaps, with ranges). No auth: it holds only what
 * the installer download page would hold anyway.
 */
export const updateRoutes: RoutePlugin = async (app, deps) => {
  await app.register(fastifyStatic, { serve: false });
  const updatesDir = resolve(deps.config.updatesDir);

  app.get<{ Params: { channel: string; '*': string } }>(
    '/api/v1/updates/:channel/*',
    {
      // An error answer must not be cached under the file's URL with the file's lifetime.
      onSend: async (_request, reply) => {
        if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
      },
    },
    async (request, reply) => {
      const { channel, '*': path } = request.params;
      const file = await resolveUpdateFile(updatesDir, channel, path);
      if (!file) throw new HttpError('NOT_FOUND', 'no such update file');

      const type = contentTypeOf(file.name);
      reply.header('cache-control', cacheControlOf(file.name)).header('x-content-type-options', 'nosniff');

      // If-Range asks "only if unchanged": @fastify/send checks that, and then sends the whole file.
      const ranges = request.headers['if-range'] === undefined ? multipleRanges(request.headers.range, file.size) : null;
      if (ranges) {
        const body = multipartBody(join(file.root, file.name), ranges, file.size, type);
        reply.code(206).header('accept-ranges', 'bytes').header('content-type', body.contentType).header('content-length', body.length);
        // HEAD: an empty stream, because fastify would recount the length of an empty string.
        return reply.send(request.method === 'HEAD' ? Readable.from([]) : body.stream());
      }
      reply.header('content-type', type);
      return reply.sendFile(file.name, file.root, SEND_OPTIONS);
    },
  );
};
