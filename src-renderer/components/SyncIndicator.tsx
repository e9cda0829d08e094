// Placeholder until the screen is built (issue 5).
export function SyncIndicator() {
  return <p>SyncIndicator</p>;
}
