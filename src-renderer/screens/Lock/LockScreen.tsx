// Placeholder until the screen is built (issue 5).
export function LockScreen(_props: { onLoggedIn: (info: import('../../../src-shared/api').SessionInfo) => void }) {
  return <p>LockScreen</p>;
}
