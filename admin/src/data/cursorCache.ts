// Offset → cursor memory for Relay connections, so react-admin's page numbers
// can be served with first/after. For one list (resource + filter + sort) it
// remembers the cursor of each row it has seen, by the row's 1-based position
// (offset k: `after` it come rows k+1…, `before` it rows …k−1), and the list's
// last totalCount. A page jump walks from the nearest known position, forward
// from the start or backward from the end, asking only for cursors.

export interface KnownCursor {
  /** Rows before the cursor (0 = the start of the list, cursor null). */
  offset: number;
  cursor: string | null;
}

export class CursorCache {
  private readonly lists = new Map<string, Map<number, string>>();
  private readonly totals = new Map<string, number>();

  constructor(private readonly maxPerList = 20_000) {}

  static key(resource: string, filter: unknown, sort: unknown): string {
    return `${resource}\u0000${JSON.stringify(filter ?? {})}\u0000${JSON.stringify(sort ?? {})}`;
  }

  /** The known cursor at the largest offset not beyond `offset`. */
  nearest(key: string, offset: number): KnownCursor {
    const list = this.lists.get(key);
    let best: KnownCursor = { offset: 0, cursor: null };
    if (!list) return best;
    if (list.has(offset)) return { offset, cursor: list.get(offset)! };
    for (const [known, cursor] of list) {
      if (known <= offset && known > best.offset) best = { offset: known, cursor };
    }
    return best;
  }

  /** The nearest known cursor after `offset` (for walking backward), or undefined. */
  nearestAbove(key: string, offset: number, total: number): KnownCursor | undefined {
    let best: KnownCursor | undefined;
    for (const [known, cursor] of this.lists.get(key) ?? []) {
      if (known > offset && known <= total && (!best || known < best.offset)) best = { offset: known, cursor };
    }
    return best;
  }

  total(key: string): number | undefined {
    return this.totals.get(key);
  }

  setTotal(key: string, total: number): void {
    this.totals.set(key, total);
  }

  /** Records the cursors of consecutive rows that follow `startOffset` rows. */
  record(key: string, startOffset: number, cursors: readonly string[]): void {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = new Map()));
    if (list.size + cursors.length > this.maxPerList) list.clear();
    cursors.forEach((cursor, i) => list!.set(startOffset + i + 1, cursor));
  }

  /** Forgets a list (e.g. a cursor turned out stale). */
  forget(key: string): void {
    this.lists.delete(key);
    this.totals.delete(key);
  }

  /** After a write the rows may move: forget every list of the resource. */
  clearResource(resource: string): void {
    for (const key of [...this.lists.keys(), ...this.totals.keys()]) if (key.startsWith(`${resource}\u0000`)) this.forget(key);
  }
}
