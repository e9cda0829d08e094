/** The fault-injection harness (issue 4): a fault proxy and the central server, in process or as a child. */
export { startFaultProxy, type FaultMatch, type FaultProxy, type FaultRule, type LogEntry, type Outcome, type ProxyRequest } from './proxy';
export { backupDataDir, startServerProcess, type ExitInfo, type ServerProcess, type ServerProcessOptions } from './server-process';
export { startInProcessServer, type InProcessOptions } from './in-process-server';
export { TEST_NOW_ISO, type AdminOps, type FaultServer, type ServerOptions } from './admin';
