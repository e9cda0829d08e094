// Placeholder until the screen is built (issue 5).
export function CopyDayScreen() {
  return <p>CopyDayScreen</p>;
}
