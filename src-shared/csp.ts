/**
 * The response headers of the kiosk screens, one definition for the two places that serve them:
 * the Electron shell's `app://kiosk` protocol and the dev bridge (which adds its event socket to
 * connect-src). The screens load their own scripts, styles, images and fonts only, talk to no
 * network (commands go through the preload's IPC or the bridge), and cannot be framed; inline
 * script and style, eval, plugins, forms and `<base>` are all refused.
 */
export function kioskCsp(opts: { connectSrc?: readonly string[] } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...(opts.connectSrc ?? [])].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP and the headers that go with it on every answer (documents and assets alike). */
export function kioskSecurityHeaders(opts: { connectSrc?: readonly string[] } = {}): Record<string, string> {
  return {
    'content-security-policy': kioskCsp(opts),
    // With a fixed content type per extension, the browser never has to guess (no sniffed script).
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
  };
}
