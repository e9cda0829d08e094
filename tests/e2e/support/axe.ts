import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core in the page under test. The page's CSP is strict (`script-src 'self'`), so a
 * `<script>` tag with axe's source inline (page.addScriptTag({content})) is refused by the
 * browser. page.evaluate is not: it runs through the DevTools protocol, which CSP does not
 * govern, so the kiosk is checked under the very policy it ships with (no bypassCSP).
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (the bar). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary: string }[];
}

interface AxeWindow {
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
}

/** Runs axe on the whole page as it is now; returns the violations (empty when clean). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (globalThis as AxeWindow).axe !== 'undefined');
  // A navigation drops axe; the source is evaluated again in the new document.
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as AxeWindow).axe!;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    // Only plain data crosses back to Node.
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: String(n.failureSummary ?? '') })),
    }));
  }, WCAG_TAGS);
}

export function formatViolations(label: string, violations: AxeViolation[]): string {
  const lines = [`axe: ${violations.length} violation(s) on ${label}`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 10)) lines.push(`    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

/** Fails the test with each violation's id, help and targets; `label` names the screen. */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  const violations = await runAxe(page);
  if (violations.length > 0) console.error(formatViolations(label, violations));
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${label}`).toEqual([]);
}
