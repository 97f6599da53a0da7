// `rdsib gen SPEC.tla [--config FILE] [--out DIR]`: TypeScript state-machine scaffolding from
// the model (codegen/generate.ts), written to DIR/<cfg name>.ts (default spec/generated/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { defaultConfigPath } from '../../check/pipeline.js';
import { reportFailure } from '../fail.js';
import { generate, runtimeImportFor } from '../../../codegen/generate.js';

interface GenFlags {
  config?: string;
  out: string;
}

export function register(program: Command): void {
  program
    .command('gen')
    .description('generate typed TypeScript scaffolding (State, Action, init/successors/step, invariants, implementation interface) from a spec and cfg')
    .argument('<spec>', 'the root module, SPEC.tla')
    .option('--config <file>', 'the TLC configuration file whose constants are inlined (default: SPEC.cfg beside the spec)')
    .option('--out <dir>', 'output folder', 'spec/generated')
    .action(async (specPath: string, flags: GenFlags) => {
      try {
        const cfgPath = flags.config ?? defaultConfigPath(specPath);
        const g = await generate(specPath, { cfgPath, runtimeImport: runtimeImportFor(flags.out) });
        mkdirSync(flags.out, { recursive: true });
        const file = join(flags.out, g.fileName);
        writeFileSync(file, g.text);
        process.stdout.write(`wrote ${file} (${g.text.split('\n').length} lines)\n`);
      } catch (e) {
        process.exitCode = reportFailure(e, false);
      }
    });
}
