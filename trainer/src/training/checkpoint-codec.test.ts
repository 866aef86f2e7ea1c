import { describe, expect, it } from "vitest";
import { decodeCheckpoint, encodeCheckpoint, type TrainingCheckpoint } from "./checkpoint-codec.ts";

const checkpoint: TrainingCheckpoint = {
  epoch: 3,
  step: 45,
  randomState: 0xdeadbeef,
  weights: [
    {
      name: "net_conv/kernel",
      shape: [1, 1, 2, 3],
      dtype: "float32",
      values: Float32Array.from([0.1, -2, 3.5e-8, 4, 5, -6]),
    },
    {
      name: "net_conv/bias",
      shape: [3],
      dtype: "float32",
      values: Float32Array.from([Math.PI, 0, -1]),
    },
  ],
  optimizer: [
    { name: "iter", shape: [], dtype: "int32", values: Int32Array.from([45]) },
    {
      name: "net_conv/kernel/m",
      shape: [6],
      dtype: "float32",
      values: Float32Array.from([1, 2, 3, 4, 5, 6]),
    },
  ],
  bestWeights: null,
  earlyStopping: { best: 0.71, bestEpoch: 2, waited: 1 },
  history: [{ epoch: 1, loss: 1.2, validationDice: 0.4 }],
  config: { architecture: "unet", imageSize: 32 },
};

describe("checkpoint codec", () => {
  it("round-trips every value bit for bit", () => {
    const bytes = encodeCheckpoint(checkpoint);
    const back = decodeCheckpoint(bytes);
    expect(back).toEqual(checkpoint);
    expect(back.optimizer[0]!.values).toBeInstanceOf(Int32Array);
    const withBest = { ...checkpoint, bestWeights: checkpoint.weights };
    expect(decodeCheckpoint(encodeCheckpoint(withBest)).bestWeights).toEqual(checkpoint.weights);
  });

  it("reads a checkpoint from a blob that starts at an odd offset", () => {
    const bytes = encodeCheckpoint(checkpoint);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeCheckpoint(shifted.subarray(1))).toEqual(checkpoint);
  });

  it("refuses foreign bytes, truncation and values that do not fill their shape", () => {
    expect(() => decodeCheckpoint(new TextEncoder().encode("not a checkpoint at all"))).toThrow(
      /not a CrowdSeg/,
    );
    const bytes = encodeCheckpoint(checkpoint);
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated inside/);
    const bad = { ...checkpoint, weights: [{ ...checkpoint.weights[0]!, shape: [7] }] };
    expect(() => encodeCheckpoint(bad)).toThrow(/6 values for shape \[7\]/);
  });
});
