import { z } from "zod";

/**
 * Every job names the run row it executes; the row holds the parameters, so a payload stays
 * small, and a run can be retried or inspected from the database alone.
 */
export const jobPayloadSchema = z.object({ runId: z.number().int().positive() }).strict();

export type JobPayload = z.infer<typeof jobPayloadSchema>;
