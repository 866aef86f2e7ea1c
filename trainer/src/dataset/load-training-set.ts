import {
  annotations,
  decodeSoftLabel,
  fusionRuns,
  type LabelSource,
  readSliceImage,
  referenceLabels,
  type Storage,
  type StoredRle,
  slices,
  softLabels,
  studies,
  volumes,
} from "@crowdseg/db";
import { decodeRle } from "@crowdseg/imaging";
import { and, asc, eq } from "drizzle-orm";
import { prepareSliceImage, prepareSliceTarget } from "./prepare-slice.ts";
import { oneHotPlanes } from "./resample-probabilities.ts";
import { TrainingDataError } from "./training-data-error.ts";

export interface LoadTrainingSetOptions {
  studyId: number;
  labelSource: LabelSource;
  /** Side of the square the network sees; every slice is resampled to it. */
  imageSize: number;
  /** Blob reads in flight at once. Default 8. */
  concurrency?: number;
  onProgress?: (fraction: number, message: string) => void;
}

/** One volume of the study, its slices prepared for the network. */
export interface TrainingVolume {
  volumeId: number;
  name: string;
  /** The volume's patient, or its name when it has none (then it is a patient of its own). */
  patientId: string;
  phase: string | null;
  width: number;
  height: number;
  depth: number;
  spacing: [number, number, number] | null;
  /** Slice ids by index in the volume. */
  sliceIds: number[];
  /** depth × size × size network inputs, normalised per slice. */
  images: Float32Array;
  /** Per slice, size × size × classes target probabilities, or null where the source has no label. */
  targets: (Float32Array | null)[];
  /** The expert reference (width × height × depth) when every slice has one, else null. */
  reference: Uint8Array | null;
}

export interface TrainingSet {
  studyId: number;
  classes: number;
  imageSize: number;
  volumes: TrainingVolume[];
  /** Slices with a target from the label source. */
  labelledSlices: number;
}

/** Where one slice's target comes from, decoded only when the slice is prepared. */
type PendingLabel =
  | { kind: "rle"; rle: StoredRle }
  | { kind: "soft"; bytes: Uint8Array; classes: number };

/**
 * A study's slices and the labels of one label source (the expert reference, one rater's
 * annotations, or a fusion run's soft labels), read from the database and blob store and
 * prepared for the network: images resampled and normalised, labels resampled as probabilities.
 * The expert reference is kept at full resolution, for evaluating on held-out volumes.
 */
export async function loadTrainingSet(
  storage: Storage,
  options: LoadTrainingSetOptions,
): Promise<TrainingSet> {
  const { db } = storage;
  const { studyId, labelSource, imageSize } = options;
  const report = options.onProgress ?? (() => {});
  if (!Number.isInteger(imageSize) || imageSize < 8) {
    throw new TrainingDataError(`imageSize must be an integer >= 8, got ${imageSize}.`);
  }
  const [study] = await db.select().from(studies).where(eq(studies.id, studyId));
  if (!study) throw new TrainingDataError(`study ${studyId} does not exist.`);
  const classes = study.classes.length;
  if (classes < 2) {
    throw new TrainingDataError(`study ${studyId} has ${classes} class: nothing to segment.`);
  }

  const references = new Map(
    (
      await db
        .select({ sliceId: referenceLabels.sliceId, labels: referenceLabels.labels })
        .from(referenceLabels)
        .where(eq(referenceLabels.studyId, studyId))
    ).map((row) => [row.sliceId, row.labels]),
  );
  const pending = await labelsOf(storage, studyId, classes, labelSource, references);
  if (pending.size === 0) {
    throw new TrainingDataError(
      `${describeSource(labelSource)} has no labels in study ${studyId}.`,
    );
  }

  const volumeRows = await db
    .select()
    .from(volumes)
    .where(eq(volumes.studyId, studyId))
    .orderBy(asc(volumes.id));
  const sliceRows = await db
    .select()
    .from(slices)
    .where(eq(slices.studyId, studyId))
    .orderBy(asc(slices.volumeId), asc(slices.indexInVolume));
  const slicesByVolume = new Map<number, typeof sliceRows>();
  for (const row of sliceRows) {
    const list = slicesByVolume.get(row.volumeId) ?? [];
    list.push(row);
    slicesByVolume.set(row.volumeId, list);
  }

  const plane = imageSize * imageSize;
  const result: TrainingVolume[] = [];
  let labelledSlices = 0;
  let done = 0;
  const concurrency = options.concurrency ?? 8;
  for (const volume of volumeRows) {
    const rows = slicesByVolume.get(volume.id) ?? [];
    if (rows.length === 0) continue;
    const images = new Float32Array(rows.length * plane);
    const targets: (Float32Array | null)[] = rows.map(() => null);
    for (let start = 0; start < rows.length; start += concurrency) {
      const chunk = rows.slice(start, start + concurrency);
      const pixels = await Promise.all(chunk.map((row) => readSliceImage(storage, row.id)));
      for (const [offset, row] of chunk.entries()) {
        const z = start + offset;
        const grid = { width: row.width, height: row.height };
        images.set(prepareSliceImage(pixels[offset]!.data, grid, imageSize), z * plane);
        const label = pending.get(row.id);
        if (label !== undefined) {
          targets[z] = prepareSliceTarget(
            probabilitiesOf(label, row, classes),
            { ...grid, classes },
            imageSize,
          );
          labelledSlices++;
        }
      }
      done += chunk.length;
      report(done / sliceRows.length, `prepared ${done} of ${sliceRows.length} slices`);
    }
    result.push({
      volumeId: volume.id,
      name: volume.name,
      patientId: volume.patientId ?? volume.name,
      phase: volume.phase,
      width: volume.width,
      height: volume.height,
      depth: rows.length,
      spacing: volume.spacing ?? null,
      sliceIds: rows.map((row) => row.id),
      images,
      targets,
      reference: referenceVolume(rows, references, classes),
    });
  }
  return { studyId, classes, imageSize, volumes: result, labelledSlices };
}

async function labelsOf(
  storage: Storage,
  studyId: number,
  classes: number,
  source: LabelSource,
  references: Map<number, StoredRle>,
): Promise<Map<number, PendingLabel>> {
  const { db } = storage;
  switch (source.kind) {
    case "reference":
      return new Map([...references].map(([sliceId, rle]) => [sliceId, { kind: "rle", rle }]));
    case "rater": {
      const rows = await db
        .select({ sliceId: annotations.sliceId, labels: annotations.labels })
        .from(annotations)
        .where(and(eq(annotations.studyId, studyId), eq(annotations.userId, source.userId)));
      return new Map(rows.map((row) => [row.sliceId, { kind: "rle", rle: row.labels }]));
    }
    case "fusion": {
      const [run] = await db.select().from(fusionRuns).where(eq(fusionRuns.id, source.fusionRunId));
      if (!run || run.studyId !== studyId) {
        throw new TrainingDataError(
          `fusion run ${source.fusionRunId} is not a run of study ${studyId}.`,
        );
      }
      if (run.status !== "succeeded") {
        throw new TrainingDataError(
          `fusion run ${run.id} is ${run.status}: start training once it has succeeded.`,
        );
      }
      const rows = await db
        .select({
          sliceId: softLabels.sliceId,
          numClasses: softLabels.numClasses,
          probabilities: softLabels.probabilities,
        })
        .from(softLabels)
        .where(eq(softLabels.fusionRunId, run.id));
      const wrong = rows.find((row) => row.numClasses !== classes);
      if (wrong) {
        throw new TrainingDataError(
          `fusion run ${run.id} has ${wrong.numClasses} classes on slice ${wrong.sliceId}, the study ${classes}.`,
        );
      }
      return new Map(
        rows.map((row) => [row.sliceId, { kind: "soft", bytes: row.probabilities, classes }]),
      );
    }
    default: {
      const unknown = source as { kind?: unknown };
      throw new TrainingDataError(`unknown label source kind "${String(unknown.kind)}".`);
    }
  }
}

function describeSource(source: LabelSource): string {
  if (source.kind === "rater") return `rater ${source.userId}`;
  if (source.kind === "fusion") return `fusion run ${source.fusionRunId}`;
  return "the expert reference";
}

function probabilitiesOf(
  label: PendingLabel,
  slice: { id: number; width: number; height: number },
  classes: number,
): Float32Array {
  try {
    if (label.kind === "soft")
      return decodeSoftLabel(label.bytes, label.classes, slice.width * slice.height);
    checkSize(label.rle, slice);
    return oneHotPlanes(decodeRle(label.rle, { numClasses: classes }), classes);
  } catch (error) {
    if (error instanceof TrainingDataError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new TrainingDataError(`slice ${slice.id}: its label cannot be read: ${why}`);
  }
}

function checkSize(rle: StoredRle, slice: { id: number; width: number; height: number }): void {
  if (rle.width !== slice.width || rle.height !== slice.height) {
    throw new TrainingDataError(
      `slice ${slice.id} is ${slice.width}×${slice.height}, its label ${rle.width}×${rle.height}.`,
    );
  }
}

function referenceVolume(
  rows: readonly { id: number; width: number; height: number }[],
  references: Map<number, StoredRle>,
  classes: number,
): Uint8Array | null {
  if (!rows.every((row) => references.has(row.id))) return null;
  const first = rows[0]!;
  if (rows.some((row) => row.width !== first.width || row.height !== first.height)) return null;
  const plane = first.width * first.height;
  const volume = new Uint8Array(plane * rows.length);
  for (const [z, row] of rows.entries()) {
    const rle = references.get(row.id)!;
    checkSize(rle, row);
    volume.set(decodeRle(rle, { numClasses: classes }), z * plane);
  }
  return volume;
}
