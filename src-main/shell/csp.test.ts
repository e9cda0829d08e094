import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../devbridge/guard';
import { APP_CSP, appResponseHeaders } from './csp';

describe('the app:// CSP', () => {
  it('is the strict policy, directive for directive', () => {
    expect(APP_CSP.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
  });

  it('allows no inline script, eval or remote origin', () => {
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
  });

  it('goes out with nosniff and the content type on every answer', () => {
    const h = appResponseHeaders('text/javascript; charset=utf-8');
    expect(h['content-security-policy']).toBe(APP_CSP);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('is the dev bridge policy too, which only adds its event socket', () => {
    const bridge = String(securityHeaders({ host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' })['content-security-policy']);
    expect(bridge).toBe(APP_CSP.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:5173"));
  });
});
