export type SortDirection = "ascending" | "descending";

export interface SortOrder<K extends string> {
  key: K;
  direction: SortDirection;
}

/**
 * Rows ordered by one column. Missing values (null, undefined, NaN) go last in both directions:
 * a slice nobody labeled yet is not "the least agreed" one. Ties keep their original order.
 */
export function sortRows<Row, K extends string>(
  rows: readonly Row[],
  order: SortOrder<K>,
  value: (row: Row, key: K) => number | string | null | undefined,
): Row[] {
  const sign = order.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, order.key) }))
    .sort((a, b) => {
      const aMissing = a.v === null || a.v === undefined || Number.isNaN(a.v);
      const bMissing = b.v === null || b.v === undefined || Number.isNaN(b.v);
      if (aMissing || bMissing)
        return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      const compared =
        typeof a.v === "string" || typeof b.v === "string"
          ? String(a.v).localeCompare(String(b.v), undefined, { numeric: true })
          : (a.v as number) - (b.v as number);
      return compared === 0 ? a.index - b.index : sign * compared;
    })
    .map((entry) => entry.row);
}

/** The order after a click on a column header: a new column sorts its natural way first. */
export function toggleSort<K extends string>(
  current: SortOrder<K>,
  key: K,
  firstDirection: SortDirection = "ascending",
): SortOrder<K> {
  if (current.key !== key) return { key, direction: firstDirection };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}
