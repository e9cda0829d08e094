import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of ARCHITECTURE.md are lint rules; this proves the rules bite, so a
 * refactor of eslint.config.js cannot silently drop them.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src-main/core/kiosk/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-shared/domain/x.ts', "import { db } from '../../src-main/core/context';\nexport const a = db;\n"],
    ['src-shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['src-renderer/screens/x.ts', "import { createCore } from '../../src-main/core/core';\nexport const a = createCore;\n"],
    ['src-renderer/screens/x.ts', "import { x } from '../../src-server/app';\nexport const a = x;\n"],
    ['src-server/x.ts', "import { x } from '../src-main/core/core';\nexport const a = x;\n"],
  ])('refuses %s importing across a boundary', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['src-main/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/core/kiosk/x.ts', "import { ok } from '../../../src-shared/errors';\nexport const a = ok;\n"],
    ['src-renderer/screens/x.ts', "import { commands } from '../../src-shared/api';\nexport const a = commands;\n"],
  ])('allows %s its own imports', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
