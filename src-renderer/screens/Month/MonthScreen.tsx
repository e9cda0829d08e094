// Placeholder until the screen is built (issue 5).
export function MonthScreen(_props: { month?: string }) {
  return <p>MonthScreen</p>;
}
