import { kioskCsp, kioskSecurityHeaders } from '../../src-shared/csp';

/**
 * The headers of every `app://kiosk` answer. The definition is shared with the dev bridge
 * (src-shared/csp.ts) so the screens run under the same policy in the browser tests as in the app;
 * here connect-src is `'self'` alone, because over IPC the screens open no connection at all.
 */
export const APP_CSP = kioskCsp();

export function appResponseHeaders(contentType: string): Record<string, string> {
  return { ...kioskSecurityHeaders(), 'content-type': contentType };
}
