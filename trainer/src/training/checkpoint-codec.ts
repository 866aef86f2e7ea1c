import type { EarlyStoppingState } from "./early-stopping.ts";

/** One saved tensor. */
export interface SavedTensor {
  name: string;
  shape: number[];
  dtype: "float32" | "int32";
  values: Float32Array | Int32Array;
}

/** What one epoch left behind, for the run's history and for plots. */
export interface EpochRecord {
  epoch: number;
  /** Mean training loss over the epoch's steps. */
  loss: number;
  /** Mean foreground Dice on the validation set, or null without one. */
  validationDice: number | null;
}

/** Everything needed to carry on training exactly where an epoch ended. */
export interface TrainingCheckpoint {
  /** Epochs completed. */
  epoch: number;
  /** Optimizer steps taken. */
  step: number;
  /** The RandomStream's state after the epoch: the next epoch's shuffle and augmentations. */
  randomState: number;
  weights: SavedTensor[];
  optimizer: SavedTensor[];
  /** The weights of the best validation epoch, restored at the end; null without validation. */
  bestWeights: SavedTensor[] | null;
  earlyStopping: EarlyStoppingState;
  history: EpochRecord[];
  /** The settings that produced it; a resume under other settings is refused. */
  config: Record<string, unknown>;
}

const MAGIC = "CSGCKPT1";

type TensorHeader = Omit<SavedTensor, "values"> & { offset: number; length: number };
interface Header extends Omit<TrainingCheckpoint, "weights" | "optimizer" | "bestWeights"> {
  weights: TensorHeader[];
  optimizer: TensorHeader[];
  bestWeights: TensorHeader[] | null;
}

/**
 * A checkpoint as bytes: the 8-byte magic, a uint32 header length, the JSON header, zero padding
 * to a multiple of 4, then every tensor's 4-byte values little-endian, one after another.
 * Self-describing, so a job on another machine (or a later version) can read it back.
 */
export function encodeCheckpoint(checkpoint: TrainingCheckpoint): Uint8Array {
  let offset = 0;
  const describe = (tensors: SavedTensor[]): TensorHeader[] =>
    tensors.map((t) => {
      const expected = t.shape.reduce((a, b) => a * b, 1);
      if (t.values.length !== expected) {
        throw new RangeError(
          `encodeCheckpoint: ${t.name} has ${t.values.length} values for shape [${t.shape}].`,
        );
      }
      const header = {
        name: t.name,
        shape: t.shape,
        dtype: t.dtype,
        offset,
        length: t.values.length,
      };
      offset += t.values.length;
      return header;
    });
  const groups = [checkpoint.weights, checkpoint.optimizer, checkpoint.bestWeights ?? []];
  const header: Header = {
    ...checkpoint,
    weights: describe(checkpoint.weights),
    optimizer: describe(checkpoint.optimizer),
    bestWeights: checkpoint.bestWeights === null ? null : describe(checkpoint.bestWeights),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align4(MAGIC.length + 4 + json.length);
  const bytes = new Uint8Array(dataStart + offset * 4);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  let at = dataStart;
  for (const group of groups) {
    for (const t of group) {
      for (const v of t.values) {
        if (t.dtype === "int32") view.setInt32(at, v, true);
        else view.setFloat32(at, v, true);
        at += 4;
      }
    }
  }
  return bytes;
}

export function decodeCheckpoint(bytes: Uint8Array): TrainingCheckpoint {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (bytes.length < MAGIC.length + 4 || magic !== MAGIC) {
    throw new Error("decodeCheckpoint: these bytes are not a CrowdSeg training checkpoint.");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(MAGIC.length, true);
  const dataStart = align4(MAGIC.length + 4 + jsonLength);
  if (dataStart > bytes.length) throw new Error("decodeCheckpoint: the checkpoint is truncated.");
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength)),
  ) as Header;
  const read = (tensors: TensorHeader[]): SavedTensor[] =>
    tensors.map(({ offset, length, ...t }) => {
      const start = dataStart + offset * 4;
      if (start + length * 4 > bytes.length) {
        throw new Error(`decodeCheckpoint: the checkpoint is truncated inside ${t.name}.`);
      }
      const values = t.dtype === "int32" ? new Int32Array(length) : new Float32Array(length);
      for (let i = 0; i < length; i++) {
        values[i] =
          t.dtype === "int32"
            ? view.getInt32(start + i * 4, true)
            : view.getFloat32(start + i * 4, true);
      }
      return { ...t, values };
    });
  return {
    ...header,
    weights: read(header.weights),
    optimizer: read(header.optimizer),
    bestWeights: header.bestWeights === null ? null : read(header.bestWeights),
  };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
