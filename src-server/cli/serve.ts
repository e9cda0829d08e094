import { installSignalHandlers, startServer } from '../http/lifecycle';
import { EXIT, type Command } from './command';
import { fields } from './format';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the sync server (until Ctrl+C or SIGTERM)',
  positionals: 0,
  options: {
    port: { type: 'string', arg: '<port>', help: 'TCP port (default 8787, env KK_PORT; 0 picks a free one)' },
    host: { type: 'string', arg: '<host>', help: 'address to listen on (default 127.0.0.1, env KK_HOST; 0.0.0.0 for the whole network)' },
  },
  details: [
    'Migrates the database, then listens. On SIGINT/SIGTERM it stops taking requests, lets the ones in',
    'flight finish (at most KK_SHUTDOWN_GRACE_MS), closes the database and exits 0.',
    'With --json the first line is {"ok":true,"url":…}; the server log follows as JSON lines.',
    'Examples:',
    '  npm run server -- serve',
    '  KK_LOG_LEVEL=warn npm run server -- serve --host 0.0.0.0 --port 8787',
  ],
  async run(ctx) {
    const { config, io } = ctx;
    const database = await ctx.open();
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(config, database, { now: io.now });
    } catch (err) {
      // startServer has closed the database.
      const e = err as { code?: string; message?: string };
      const why = e.code === 'EADDRINUSE' ? 'the port is already in use' : (e.message ?? String(err));
      return ctx.fail(EXIT.failed, `cannot listen on ${config.host}:${config.port}: ${why}`);
    }
    const stopped = new Promise<string | undefined>((resolve, reject) => {
      installSignalHandlers((signal) => server.stop(signal).then(() => resolve(signal), reject), io.signals);
    });
    if (ctx.json) io.stdout(`${JSON.stringify({ ok: true, command: 'serve', url: server.url, database: database.describe })}\n`);
    else io.stdout([...fields([['Listening on', server.url], ['Database', database.describe]]), 'Stop with Ctrl+C.', ''].join('\n'));
    const signal = await stopped;
    if (!ctx.json) io.stdout(`Stopped (${signal ?? 'stop'}).\n`);
    return EXIT.ok;
  },
};
