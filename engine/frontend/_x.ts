import { parseModuleText } from './load.js';
const show = (v: unknown) => JSON.stringify(v, (k, x) => k === 'loc' ? undefined : k === 'prefix' && Array.isArray(x) && x.length === 0 ? undefined : typeof x === 'bigint' ? Number(x) : x);
for (const src of ['SUBSET 1..N', 'x \\in SUBSET 1..N', 'DOMAIN f \\X T', 'UNION S \\o T', 'DOMAIN f + 1', 'SUBSET S \\X T', '[]x = 1', 'ENABLED x = 1', 'UNCHANGED x = 1', '- x .. y', '~ x \\in S', 'DOMAIN f \\cup S', 'SUBSET S \\cup T']) {
  const [m] = await parseModuleText('X.tla', `---- MODULE X ----\nA == ${src}\n====\n`);
  console.log(src.padEnd(22), show(m!.definitions[0]!.kind === 'operator' ? (m!.definitions[0] as any).body : null));
}
