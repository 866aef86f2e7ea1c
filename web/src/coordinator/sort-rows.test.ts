import { describe, expect, it } from "vitest";
import { sortRows, toggleSort } from "./sort-rows.ts";

type Row = { name: string; dice: number | null };
const rows: Row[] = [
  { name: "slice 10", dice: 0.5 },
  { name: "slice 2", dice: null },
  { name: "slice 1", dice: 0.9 },
  { name: "slice 3", dice: 0.5 },
];
const value = (row: Row, key: "name" | "dice") => row[key];

describe("sortRows", () => {
  it("sorts numbers both ways with missing values last and ties stable", () => {
    const up = sortRows(rows, { key: "dice", direction: "ascending" }, value);
    expect(up.map((r) => r.name)).toEqual(["slice 10", "slice 3", "slice 1", "slice 2"]);
    const down = sortRows(rows, { key: "dice", direction: "descending" }, value);
    expect(down.map((r) => r.name)).toEqual(["slice 1", "slice 10", "slice 3", "slice 2"]);
  });

  it("sorts text with numbers in natural order", () => {
    const byName = sortRows(rows, { key: "name", direction: "ascending" }, value);
    expect(byName.map((r) => r.name)).toEqual(["slice 1", "slice 2", "slice 3", "slice 10"]);
  });

  it("leaves the input array as it was", () => {
    const copy = [...rows];
    sortRows(rows, { key: "dice", direction: "descending" }, value);
    expect(rows).toEqual(copy);
  });
});

describe("toggleSort", () => {
  it("flips the direction on the same column and starts a new column its first way", () => {
    expect(toggleSort({ key: "a", direction: "ascending" }, "a")).toEqual({
      key: "a",
      direction: "descending",
    });
    expect(toggleSort({ key: "a", direction: "descending" }, "b", "descending")).toEqual({
      key: "b",
      direction: "descending",
    });
  });
});
