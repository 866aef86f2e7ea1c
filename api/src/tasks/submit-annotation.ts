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
  outcome: "created" | "replayed" | "key_reused" | "no_task" | "lease_ended";
  annotation_id: number | null;
  created_at: string | Date | null;
  lease_state: string | null;
};

/**
 * Stores a rater's label map for their task. The map is checked against the slice's size and the
 * study's classes before anything is written; then the database function record_annotation
 * (migration 0002) stores it against the live lease, once: a repeat for the same slice, or with
 * the same Idempotency-Key, returns the first annotation.
 */
export async function submitAnnotation(
  db: Database,
  userId: number,
  submission: Submission,
): Promise<SubmittedAnnotation> {
  const { taskId } = submission;
  const context = await db.execute<{ width: number; height: number; classes: number }>(sql`
    select s.width, s.height, jsonb_array_length(st.classes) as classes
    from assignments a
    join slices s on s.id = a.slice_id
    join studies st on st.id = a.study_id
    where a.id = ${taskId} and a.user_id = ${userId}`);
  const slice = context.rows[0];
  if (!slice) throw taskNotFoundError(taskId);
  const check = { numClasses: slice.classes, width: slice.width, height: slice.height };
  const problem = validateRle(submission.labels, check);
  if (problem) throw problem;
  // stored canonical (no two neighbouring runs of one class), however the client split its runs
  const labels = encodeRle(decodeRle(submission.labels, check), slice.width, slice.height);

  const result = await db.execute<RecordRow>(sql`
    select * from record_annotation(${taskId}, ${userId}, ${JSON.stringify(labels)}::jsonb,
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
