/** Counters the build child reads after a build; kept on globalThis so every module copy shares them. */
const KEY = Symbol.for("policy-site.bench.counts");

type Counts = Record<string, number>;

function table(): Counts {
  const g = globalThis as { [KEY]?: Counts };
  g[KEY] ??= {};
  return g[KEY];
}

export function countCall(name: string): void {
  const counts = table();
  counts[name] = (counts[name] ?? 0) + 1;
}

export function readCounts(): Counts {
  return { ...table() };
}
