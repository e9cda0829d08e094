// Placeholder until the screen is built (issue 5).
export function EntryDetailScreen(_props: { entry: import('../../../src-shared/api').EntryView; back: import('../../app/routes').Route }) {
  return <p>EntryDetailScreen</p>;
}
