// Placeholder until the screen is built (issue 5).
export function IdleGuard(_props: { seconds: number; onIdle: () => void }) {
  return <p>IdleGuard</p>;
}
