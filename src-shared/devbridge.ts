/**
 * The dev bridge's wire names (src-main/devbridge serves them, src-renderer/transport/bridge.ts
 * sends and reads them): one definition for both sides.
 */
export const BRIDGE_TOKEN_HEADER = 'x-kk-bridge-token';
/** The count of events pushed so far when a command's answer was written. */
export const BRIDGE_EVENT_SEQ_HEADER = 'x-kk-event-seq';
