// Placeholder until the screen is built (issue 5).
export function HomeScreen() {
  return <p>HomeScreen</p>;
}
