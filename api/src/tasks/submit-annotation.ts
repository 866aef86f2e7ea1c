import type { Database } from "@crowdseg/db";
import { decodeRle, encodeRle, type LabelRle, validateRle } from "@crowdseg/imaging";
import { sql } from "drizzle-orm";
import { ApiError } from "../api-error.ts";
import { leaseEndedError, taskNotFoundError } from "./lease-ended-error.ts";

export interface Submission {
  taskId: number;
  labels: LabelRle;
  durationMs?: number | undefined;
  idempotencyKey?: string | undefined;
}

export interface SubmittedAnnotation {
  /** false when this repeats an earlier submission, whose result is returned unchanged */
  created: boolean;
  annotation: { id: number; taskId: number; createdAt: string };
}

type RecordRow = {
  outcome: "created" | "replayed" | "key_reused" | "no_task" | "lease_ended" | "does_not_fit";
  annotation_id: number | null;
  created_at: string | Date | null;
  lease_state: string | null;
  slice_width: number | null;
  slice_height: number | null;
  num_classes: number | null;
};

// the most classes a study can have; the study's own count is checked by the database
const MAX_CLASSES = 256;

/**
 * Stores a rater's label map for their task. The runs are checked here (whole, positive, adding
 * up to width × height) and stored canonical; the database function record_annotation
 * (migrations 0002, 0003) then checks the size against the slice and the classes against the
 * study, and stores it against the live lease, once: a repeat for the same slice, or with the
 * same Idempotency-Key, returns the first annotation. One round trip, nothing stored on refusal.
 */
export async function submitAnnotation(
  db: Database,
  userId: number,
  submission: Submission,
): Promise<SubmittedAnnotation> {
  const { taskId, labels: rle } = submission;
  const problem = validateRle(rle, { numClasses: MAX_CLASSES });
  if (problem) throw problem;
  const decoded = decodeRle(rle, { numClasses: MAX_CLASSES });
  let maxClass = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded[i]! > maxClass) maxClass = decoded[i]!;
  // stored canonical (no two neighbouring runs of one class), however the client split its runs
  const labels = encodeRle(decoded, rle.width, rle.height);

  const result = await db.execute<RecordRow>(sql`
    select * from record_annotation(${taskId}, ${userId}, ${JSON.stringify(labels)}::jsonb,
      ${rle.width}, ${rle.height}, ${maxClass},
      ${submission.durationMs ?? null}::integer, ${submission.idempotencyKey ?? null}::text)`);
  const row = result.rows[0]!;
  switch (row.outcome) {
    case "created":
    case "replayed":
      return {
        created: row.outcome === "created",
        annotation: {
          id: row.annotation_id!,
          taskId,
          createdAt: new Date(row.created_at!).toISOString(),
        },
      };
    case "does_not_fit":
      // the same words as everywhere label maps are checked, now against the real slice
      throw (
        validateRle(rle, {
          numClasses: row.num_classes!,
          width: row.slice_width!,
          height: row.slice_height!,
        }) ?? new ApiError(422, "rle_invalid", "the label map does not fit the task")
      );
    case "key_reused":
      throw new ApiError(
        422,
        "idempotency_key_reused",
        "this Idempotency-Key was already used for a submission on another task; use a new key per submission",
      );
    case "lease_ended":
      throw leaseEndedError(taskId, row.lease_state ?? "expired");
    default:
      throw taskNotFoundError(taskId);
  }
}
