import { useId, useRef, useState } from 'react';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { DiagnosticsSection } from './DiagnosticsSection';
import { QuitSection } from './QuitSection';
import { ReenrollSection } from './ReenrollSection';
import { SettingsSection } from './SettingsSection';
import { SyncSection } from './SyncSection';
import './operator.css';

export const OPERATOR_TABS = ['settings', 'sync', 'diagnostics', 'reenroll', 'quit'] as const;
export type OperatorTab = (typeof OPERATOR_TABS)[number];

/**
 * The operator's screen (operator or admin role; the core checks every command again): this PC's
 * settings, sync, diagnostics, re-enrolment and quitting, one tab at a time. Tabs follow the ARIA
 * pattern: arrow keys, Home and End move between them; only the shown section is mounted, so each
 * reads fresh data when it is opened.
 */
export function OperatorScreen({ tab: initial = 'settings' }: { tab?: OperatorTab }) {
  const { t } = useT();
  const id = useId();
  const [tab, setTab] = useState<OperatorTab>(initial);
  const tabs = useRef<Partial<Record<OperatorTab, HTMLButtonElement | null>>>({});

  const go = (next: OperatorTab) => {
    setTab(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = OPERATOR_TABS.indexOf(tab);
    const last = OPERATOR_TABS.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(OPERATOR_TABS[to]!);
  };

  return (
    <div className="operator stack">
      <ScreenTitle>{t.operator.title}</ScreenTitle>
      <p className="muted">{t.operator.intro}</p>
      <div role="tablist" aria-label={t.operator.tabsLabel} className="op-tabs" onKeyDown={onKeyDown}>
        {OPERATOR_TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            className="op-tab"
            aria-selected={k === tab}
            // Only the shown panel exists; a tab must not point at a missing element.
            aria-controls={k === tab ? `${id}-panel` : undefined}
            tabIndex={k === tab ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t.operator.tabs[k]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="op-panel">
        <Section tab={tab} />
      </div>
    </div>
  );
}

function Section({ tab }: { tab: OperatorTab }) {
  switch (tab) {
    case 'settings':
      return <SettingsSection />;
    case 'sync':
      return <SyncSection />;
    case 'diagnostics':
      return <DiagnosticsSection />;
    case 'reenroll':
      return <ReenrollSection />;
    case 'quit':
      return <QuitSection />;
  }
}
