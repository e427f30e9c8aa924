/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("bench: the median of no values is undefined; run at least once");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of the ratios of runs made side by side (A1/B1, A2/B2, …): a pair shares the
 * machine's load at that moment, so the ratio survives noise that moves both together.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`bench: paired runs must come in pairs; got ${a.length} and ${b.length}`);
  return median(a.map((x, i) => x / b[i]!));
}
