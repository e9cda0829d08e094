/** A short list of facts about this PC (term, value), as the Sinkronisasi and Diagnostik sections show them. */
export function Facts({ facts }: { facts: readonly (readonly [term: string, value: React.ReactNode])[] }) {
  return (
    <dl className="op-facts">
      {facts.map(([term, value]) => (
        <div key={term} className="op-fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
