// TLC's -dump (rdsib check --dump-states / --dump-graph): every distinct state, and the state
// graph as DOT. Cycle.tla: initial states x = 0 and x = 1, then x' = (x + 1) % 5, so the graph is
// the 5-cycle 0 -> 1 -> 2 -> 3 -> 4 -> 0, found in the order 0, 1 (initial), 2, 3, 4.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const rdsib = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/rdsib.js'), 'check', ...args], { encoding: 'utf8', cwd: join(ROOT, 'test/fixtures/cli') });
const out = mkdtempSync(join(tmpdir(), 'rdsib-dump-'));

describe('dumping the state space', () => {
  it('-dump FILE writes FILE.dump: each distinct state in discovery order', () => {
    const r = rdsib(['-dump', join(out, 'states'), 'sim/Cycle']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(out, 'states.dump'), 'utf8');
    expect(text).toBe([0, 1, 2, 3, 4].map((x, i) => `State ${i + 1}:\nx = ${x}\n\n`).join(''));
  });

  it('-dump dot,actionlabels FILE writes the state graph: 5 nodes, the two initial ones filled, the 5-cycle, ranks by BFS level', () => {
    const r = rdsib(['-dump', 'dot,actionlabels', join(out, 'graph'), 'sim/Cycle.tla']);
    expect(r.status).toBe(0);
    const dot = readFileSync(join(out, 'graph.dot'), 'utf8');
    expect(dot.match(/^\d+ \[label="[^"]*"[^\]]*\]$/gm)).toEqual(['1 [label="x = 0",style = filled]', '2 [label="x = 1",style = filled]', '3 [label="x = 2"]', '4 [label="x = 3"]', '5 [label="x = 4"]']);
    const edges = [...dot.matchAll(/^(\d+) -> (\d+) \[label="([^"]*)"/gm)].map((m) => `${m[1]}->${m[2]} ${m[3]}`);
    expect(edges.sort()).toEqual(['1->2 Next', '2->3 Next', '3->4 Next', '4->5 Next', '5->1 Next']);
    expect(dot.match(/^\{rank = same; .*\}$/gm)).toEqual(['{rank = same; 1;2;}', '{rank = same; 3;}', '{rank = same; 4;}', '{rank = same; 5;}']);
  });

  it('self-loops are drawn only with the stuttering option', () => {
    // DeepRecursion: one state, Next == UNCHANGED x
    const plain = rdsib(['--dump-graph', join(out, 'loop.dot'), 'DeepRecursion.tla']);
    expect(plain.status).toBe(0);
    expect(readFileSync(join(out, 'loop.dot'), 'utf8')).not.toMatch(/->/);
    rdsib(['-dump', 'dot,stuttering', join(out, 'loop2'), 'DeepRecursion.tla']);
    expect(readFileSync(join(out, 'loop2.dot'), 'utf8')).toMatch(/^1 -> 1 \[style="dashed",color="lightgray"\];$/m);
  });

  it('rejects an unknown graph option', () => {
    const r = rdsib(['--dump-graph', join(out, 'x.dot'), '--dump-graph-options', 'sparkles', 'sim/Cycle.tla']);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/unknown sparkles/);
  });
});
