// VectorClocks!CausalOrder as TLC's override computes it (CommunityModules
// tlc2/overrides/VectorClocks.java, after ShiViz's model graph): each node's entries sorted by
// the node's own clock value, an edge from the entry of another node whose clock value an entry
// first reveals, then the roots popped node by node. The override visits nodes in Java HashMap
// order, which for small integer node ids is ascending; here nodes are visited in TLC's value
// order, the same for those ids (other ids may interleave concurrent entries differently; the
// result is a causal order either way).
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as V from './v.js';
import { type NativeTable, higherImpl, seqArg } from './library.js';

interface Entry {
  readonly value: Value;
  readonly clock: Value;
  readonly time: Value;
  readonly hosts: readonly Value[];
  readonly parents: Set<Entry>;
  readonly children: Set<Entry>;
}

export function registerVectorClocks(t: NativeTable): void {
  t.add('VectorClocks', 'CausalOrder', 4, higherImpl([1, 2, 3], ([log], [, clockOf, nodeOf, domainOf], call) => {
    const byHost = new Map<string, { host: Value; list: Entry[] }>();
    for (const value of seqArg('CausalOrder', 0, 4, log!)) {
      const host = call(nodeOf!, value);
      const clock = call(clockOf!, value);
      const time = V.apply(clock, host);
      const hosts = V.elements(call(domainOf!, clock));
      const k = V.key(host);
      if (!byHost.has(k)) byHost.set(k, { host, list: [] });
      byHost.get(k)!.list.push({ value, clock, time, hosts, parents: new Set(), children: new Set() });
    }
    const lists = [...byHost.values()].sort((a, b) => V.compare(a.host, b.host));
    for (const l of lists) l.list.sort((a, b) => V.compare(a.time, b.time));
    // B) an entry's parent on another node is that node's entry whose time it first learns
    for (const { host, list } of lists) {
      const global = new Map<string, Value>(lists.map((l) => [V.key(l.host), V.int(0)]));
      for (const e of list) {
        global.set(V.key(host), e.time);
        for (const other of e.hosts) {
          const time = V.apply(e.clock, other);
          const seen = global.get(V.key(other));
          if (seen === undefined || time.kind !== 'int') throw new EvalError(`CausalOrder: the clock ${V.show(e.clock)} names ${V.show(other)}, which logged nothing`);
          if (V.compare(seen, time) < 0) {
            global.set(V.key(other), time);
            const parent = byHost.get(V.key(other))!.list[time.n - 1];
            if (parent === undefined) throw new EvalError(`CausalOrder: no entry of ${V.show(other)} has time ${time.n} (the clocks must have no gaps)`);
            e.parents.add(parent);
            parent.children.add(e);
          }
        }
      }
    }
    // C) pop roots, one pass over the nodes per round
    const sorted: Value[] = [];
    const total = lists.reduce((n, l) => n + l.list.length, 0);
    for (let round = 0; round < total; round++) {
      for (const l of lists) {
        const head = l.list[0];
        if (head === undefined || head.parents.size > 0) continue;
        l.list.shift();
        head.children.forEach((c) => c.parents.delete(head));
        sorted.push(head.value);
      }
    }
    return V.tuple(sorted);
  }));
}
