// Placeholder until the screen is built (issue 5).
export function ChangePinScreen(_props: { onChanged: (info: import('../../../src-shared/api').SessionInfo) => void }) {
  return <p>ChangePinScreen</p>;
}
