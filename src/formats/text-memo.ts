/**
 * Results that depend only on a text, kept for one build: pages share their layout, their
 * report mail and most of their links, so each distinct text is worked out once. A memo is a
 * cache, not a record: past its limit it starts afresh.
 */
export class TextMemo<V> {
  readonly #map = new Map<string, V>();

  constructor(private readonly limit = 20_000) {}

  get size(): number {
    return this.#map.size;
  }

  /** The value for `text`, computed (from a copy of the text) the first time it is asked for. */
  get(text: string, compute: (own: string) => V): V {
    const known = this.#map.get(text);
    if (known !== undefined) return known;
    if (this.#map.size >= this.limit) this.#map.clear();
    const own = ownCopy(text);
    const value = compute(own);
    this.#map.set(own, value);
    return value;
  }
}

/**
 * The text as a string of its own. A run of a page's text is a slice of the page's HTML (or
 * a token's of its Markdown), and V8 keeps a slice's whole string alive: a memo keyed by
 * slices held every page the build had rendered (some 45 MB at 4,000 pages). Joined to a
 * character and sliced again, it is copied.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
