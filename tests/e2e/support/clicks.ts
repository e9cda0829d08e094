import type { Locator, Page } from 'playwright-core';

/**
 * Counts what a person does to log an entry: every click and every key press, except those the
 * issue leaves out — the PIN's digits and the typing of the uraian (they depend on the person, not
 * on the screens). A test that measures the journey acts on the page only through this counter,
 * so nothing it does goes uncounted.
 */
export type Excluded = 'pin' | 'uraian';

export interface Action {
  kind: 'click' | 'key';
  /** The key, or what was clicked. */
  what: string;
  /** Why it does not count, if it does not. */
  excluded?: Excluded;
}

export class ActionCounter {
  readonly actions: Action[] = [];

  constructor(private readonly page: Page) {}

  /** Actions that count toward the goal. */
  get count(): number {
    return this.actions.filter((a) => !a.excluded).length;
  }

  async click(target: Locator, what = target.toString()): Promise<void> {
    await target.click();
    this.actions.push({ kind: 'click', what });
  }

  /** One key press (Tab, Enter, ArrowDown, a digit …). */
  async press(key: string, excluded?: Excluded): Promise<void> {
    await this.page.keyboard.press(key);
    this.actions.push({ kind: 'key', what: key, ...(excluded ? { excluded } : {}) });
  }

  /** Types into the focused element, one key press per character. */
  async type(text: string, excluded?: Excluded): Promise<void> {
    for (const ch of text) {
      await this.page.keyboard.press(ch === ' ' ? 'Space' : ch === '\n' ? 'Enter' : ch);
      this.actions.push({ kind: 'key', what: ch, ...(excluded ? { excluded } : {}) });
    }
  }

  /** One line per counted action, then the excluded ones summed up. */
  report(): string {
    const counted = this.actions.filter((a) => !a.excluded);
    const lines = counted.map((a, i) => `  ${String(i + 1).padStart(2)}. ${a.kind} ${a.what}`);
    const left = (reason: Excluded) => this.actions.filter((a) => a.excluded === reason).length;
    lines.push(`  not counted: ${left('pin')} PIN key(s), ${left('uraian')} uraian key(s)`);
    return lines.join('\n');
  }
}
