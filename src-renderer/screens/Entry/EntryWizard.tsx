// Placeholder until the screen is built (issue 5).
export function EntryWizard(_props: { entry?: import('../../../src-shared/api').EntryView; date?: string }) {
  return <p>EntryWizard</p>;
}
