// The committed generated modules (spec/generated) are what `rdsib gen` makes from today's
// model; generated code compiles under strict with no `any` in it; bad input is a
// `file:line:col` error from the CLI, not a stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, runtimeImportFor } from '../../codegen/generate.js';
import { ROOT, generateAndImport } from './harness.js';

const GENERATED = join(ROOT, 'spec', 'generated');
const committed = readdirSync(GENERATED).filter((f) => /^MC_.*\.ts$/.test(f));

describe('spec/generated is current', () => {
  it('holds the modules of at least the V2 and the fixed V3 configs', () => {
    expect(committed).toEqual(expect.arrayContaining(['MC_V2.ts', 'MC_V3_fixed.ts']));
  });

  it.each(committed)('%s is what rdsib gen makes from tla/ now (regenerate it if this fails)', async (file) => {
    const g = await generate(join(ROOT, 'tla', 'RdsIbDevice.tla'), {
      cfgPath: join(ROOT, 'tla', file.replace(/\.ts$/, '.cfg')),
      runtimeImport: runtimeImportFor(GENERATED),
    });
    expect(g.fileName).toBe(file);
    expect(g.text === readFileSync(join(GENERATED, file), 'utf8')).toBe(true);
  });
});

describe('generated code type-checks', () => {
  it('under strict, for the committed modules and three corpus specs of other shapes, with no `any`', async () => {
    const files = [
      ...committed.map((f) => join(GENERATED, f)),
      (await generateAndImport('test/specs/TwoPhase.tla', 'test/specs/TwoPhase.cfg')).file, // records, sets of messages
      (await generateAndImport('test/specs/Sliding.tla', 'test/specs/Sliding.cfg')).file, // a function-valued state
      (await generateAndImport('test/specs/Recursion.tla', 'test/specs/Recursion.cfg')).file, // recursive definitions
    ];
    for (const f of files) expect(readFileSync(f, 'utf8')).not.toMatch(/(:\s*any\b|<any>|\bas any\b|any\[\])/);
    const tsc = spawnSync(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--noImplicitAny', '--target', 'es2022',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2023', '--types', 'node', '--skipLibCheck', ...files,
    ], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.error).toBeUndefined();
    expect(tsc.status === 0 || tsc.stdout.includes('error TS')).toBe(true); // tsc ran
    // only errors in the generated files count (the engine is type-checked by npm run typecheck)
    const ours = tsc.stdout.split('\n').filter((l) => files.some((f) => l.includes(f.slice(ROOT.length + 1))));
    expect(ours).toEqual([]);
  });
});

describe('rdsib gen on bad input', () => {
  it('prints file:line:col and the reason, exits 150, no stack trace', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'engine/cli/main.ts', 'gen', 'test/specs/Instances.tla', '--out', join(ROOT, 'node_modules', '.cache', 'rdsib-codegen', 'cli')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(150);
    expect(r.stderr.trim()).toMatch(/^test\/specs\/Instances\.tla:\d+:\d+: code generation: instance-qualified names \(I!x\) is not supported$/);
  });
});
