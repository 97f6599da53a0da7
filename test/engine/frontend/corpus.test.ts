// Every .tla file the project carries (the engine's corpus test/specs/ and the model in tla/)
// must load and resolve, except those whose expected outcome says SANY rejects them
// (`exitCode: 150` in `<Name>.expected.json`), which must fail with a located ParseError.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TlaError } from '../../../engine/errors.js';
import { loadSpec } from '../../../engine/frontend/load.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

function tlaFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tla'))
    .map((f) => join(abs, f))
    .sort();
}

function expectsParseError(file: string): boolean {
  const expected = file.replace(/\.tla$/, '.expected.json');
  if (!existsSync(expected)) return false;
  try {
    return (JSON.parse(readFileSync(expected, 'utf8')) as { exitCode?: number }).exitCode === 150;
  } catch {
    return false;
  }
}

const files = [...tlaFiles('test/specs'), ...tlaFiles('tla')];

describe('the project corpus parses', () => {
  it.skipIf(files.length > 0)('no .tla files yet (test/specs/ and tla/ are written by others)', () => {});
  it.each(files.map((f) => [f.slice(ROOT.length), f]))('%s', async (_, file) => {
    if (expectsParseError(file)) {
      const err = await loadSpec(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(TlaError);
      expect((err as TlaError).exitCode).toBe(150);
      expect((err as TlaError).loc?.line).toBeGreaterThan(0);
      return;
    }
    // A failure here prints `file:line:col: message`, which is what to fix.
    await loadSpec(file).catch((e: unknown) => {
      throw e instanceof TlaError ? new Error(e.describe()) : e;
    });
  });
});
