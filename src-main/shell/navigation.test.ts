import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, navigationAllowed, windowOpenDecision } from './navigation';

describe('navigation guard', () => {
  it.each([
    [APP_START_URL, true],
    ['app://kiosk/', true],
    ['app://kiosk/assets/main.js?x=1#top', true],
    ['app://KIOSK/index.html', true],
    ['https://kinerja.example.go.id/', false],
    ['http://127.0.0.1:8787/', false],
    ['file:///C:/Windows/system32/cmd.exe', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['app://kiosk.evil.com/', false],
    ['app://evil@kiosk/', false],
    ['app://kiosk:8080/', false],
    ['app://other/', false],
    ['app:kiosk', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(navigationAllowed(url)).toBe(allowed);
    expect(isAppUrl(url)).toBe(allowed);
  });

  it('refuses a missing URL', () => {
    expect(navigationAllowed(null)).toBe(false);
    expect(navigationAllowed(undefined)).toBe(false);
  });

  it('denies every new window, whatever it asks for', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});
