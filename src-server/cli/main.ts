import { runCli } from './run';

/** Entry point of `npm run server -- <command>`; everything else lives in run.ts (tested in-process). */
process.exitCode = await runCli(process.argv.slice(2));
