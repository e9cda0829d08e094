import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_NAMES, isCommandName } from '../../src-shared/api';
import { fail, type Result } from '../../src-shared/errors';
import type { Core } from '../core/core';
import { CMD_CHANNEL, EVENT_CHANNEL, type CommandReply, type EventMessage } from './ipc-wire';
import { isAppUrl } from './navigation';

/**
 * The command map over Electron IPC. Every call is checked here before the core sees it: the
 * sender must be the main frame of our own page in our own window (an iframe, a page that
 * somehow navigated elsewhere, or any other webContents gets FORBIDDEN), the name must be a
 * command; the core then validates the args (zod) and the session. Refusals are Results, the same
 * shape the screens get for any refusal.
 */
export interface Sender {
  /** The URL of the frame that sent the message (null: the frame is gone). */
  frameUrl: string | null | undefined;
  /** A top-level frame (not an iframe). */
  isMainFrame: boolean;
  /** The message came from the kiosk window's own webContents. */
  fromKioskWindow?: boolean;
}

export function checkSender(sender: Sender): boolean {
  return sender.fromKioskWindow !== false && sender.isMainFrame && isAppUrl(sender.frameUrl);
}

export async function handleCommand(core: Pick<Core, 'send'>, sender: Sender, name: unknown, args: unknown): Promise<Result<unknown>> {
  if (!checkSender(sender)) return fail('FORBIDDEN');
  if (!isCommandName(name)) return fail('VALIDATION', { field: 'name', params: { field: 'name', detail: 'unknown command' } });
  try {
    return await core.send(name, args);
  } catch (error) {
    // dispatch() turns a handler's error into INTERNAL itself; this is a bug below it.
    console.error('[ipc] command failed', error);
    return fail('INTERNAL');
  }
}

/** The sender as Electron describes it; the frame may already be gone (navigated, destroyed). */
export function senderOf(event: IpcMainInvokeEvent, kiosk: WebContents): Sender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    fromKioskWindow: event.sender.id === kiosk.id,
  };
}

/**
 * Serves `kk:cmd` for the kiosk window and pushes the core's events to it. Returns the undo
 * (handler removed, core listeners dropped) for shutdown.
 */
export function wireIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, core: Pick<Core, 'send' | 'on'>, kiosk: WebContents): () => void {
  let seq = 0;
  ipcMain.handle(CMD_CHANNEL, async (event, name: unknown, args: unknown): Promise<CommandReply> => {
    const result = await handleCommand(core, senderOf(event, kiosk), name, args);
    // Read after the command: the events it caused (a login's "replaced") are counted in.
    return { result, seq };
  });
  const unsubscribe = EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      seq += 1;
      if (kiosk.isDestroyed()) return;
      const message: EventMessage = { event: name, payload, seq };
      kiosk.send(EVENT_CHANNEL, message);
    }),
  );
  return () => {
    ipcMain.removeHandler(CMD_CHANNEL);
    for (const off of unsubscribe) off();
  };
}
