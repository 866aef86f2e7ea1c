import { decodeRle, encodeRle } from "@crowdseg/imaging";
import { describe, expect, it } from "vitest";
import { decodeLabelRle, encodeLabelRle } from "./label-rle.ts";

/** Seeded, so a failure names a map that can be reproduced. */
function randomMap(seed: number, length: number, classes: number, runiness: number): Uint8Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const labels = new Uint8Array(length);
  let current = 0;
  for (let i = 0; i < length; i++) {
    if (next() < runiness) current = Math.floor(next() * classes);
    labels[i] = current;
  }
  return labels;
}

describe("encodeLabelRle", () => {
  it("matches @crowdseg/imaging's encodeRle on random maps of many sizes and textures", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const width = 1 + (seed % 17) * 5;
      const height = 1 + ((seed * 7) % 13) * 4;
      const labels = randomMap(seed, width * height, 2 + (seed % 5), [0.02, 0.3, 1][seed % 3]!);
      expect(encodeLabelRle(labels, width, height)).toEqual(encodeRle(labels, width, height));
    }
  });

  it("round-trips through imaging's decoder and its own", () => {
    const labels = randomMap(99, 64 * 48, 4, 0.1);
    const rle = encodeLabelRle(labels, 64, 48);
    expect(decodeRle(rle, { numClasses: 4 })).toEqual(labels);
    expect(decodeLabelRle(rle)).toEqual(labels);
  });

  it("refuses a map whose size does not match", () => {
    expect(() => encodeLabelRle(new Uint8Array(5), 2, 2)).toThrow(/needs 4 labels, got 5/);
  });
});
