export { startDevBridge, BODY_LIMIT, type DevBridge, type DevBridgeOptions } from './server';
export { TOKEN_HEADER, EVENT_SEQ_HEADER } from './guard';
