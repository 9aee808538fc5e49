// Reading a whole store a page at a time: one read of tens of thousands of records hands the page that asked
// one long task to deserialize them; pages of a few thousand keep each task short.

/** What paging needs of a store (idb's object stores have it). */
export interface PagedStore<V> {
  getAllKeys(query?: IDBKeyRange, count?: number): Promise<IDBValidKey[]>;
  getAll(query?: IDBKeyRange, count?: number): Promise<V[]>;
}

/**
 * Hands `use` the store's keys (and values, when `values` is set), `size` at a time, in key order. Keys and
 * values of a page come from the same range of the same transaction, so they match one for one.
 */
export async function eachPage<V>(store: PagedStore<V>, size: number, values: boolean, use: (keys: IDBValidKey[], values: V[]) => void): Promise<void> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, vals] = await Promise.all([store.getAllKeys(range, size), values ? store.getAll(range, size) : []]);
    use(keys, vals);
    if (keys.length < size) return;
    after = keys[keys.length - 1];
  }
}
