import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * axe-core (WCAG rules) on a rendered screen. Colour contrast needs a real layout engine, which
 * jsdom has not: the end-to-end suite checks it in Chromium; everything else is checked here.
 */
export async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}
