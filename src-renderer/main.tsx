import { createRoot } from 'react-dom/client';
import type { Api } from './api';
import { App } from './app/App';
import { createBridgeApi } from './transport/bridge';
import { strings as en } from './i18n/en';
import { strings as id } from './i18n/id';
import './styles/base.css';

declare global {
  interface Window {
    /** Electron's preload (src-main/shell) exposes the Api here; absent in a plain browser. */
    kinerja?: Api;
  }
}

const BRIDGE_TOKEN_KEY = 'kk-bridge-token';

/**
 * The dev bridge hands its per-start token in the URL fragment (`#token=…`, never sent to a
 * server). It moves to sessionStorage, so a reload of this tab keeps working, and leaves the
 * address bar at once.
 */
function bridgeToken(): string | null {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(BRIDGE_TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(BRIDGE_TOKEN_KEY);
}

function pickApi(): Api | null {
  if (window.kinerja) return window.kinerja;
  const token = bridgeToken();
  return token ? createBridgeApi({ baseUrl: window.location.origin, token }) : null;
}

const root = createRoot(document.getElementById('root')!);
const api = pickApi();
if (api) {
  root.render(<App api={api} />);
} else {
  // No transport: opened without the bridge's address. Plain words, in both languages.
  root.render(
    <main className="screen">
      <h1 className="screen-title">Kinerja Kiosk</h1>
      <p lang="id">{id.common.noTransport}</p>
      <p lang="en">{en.common.noTransport}</p>
    </main>
  );
}
