import { z } from "zod";

/** `:taskId` in task routes: the id of the rater's assignment. */
export const taskParamSchema = z.object({ taskId: z.coerce.number().int().min(1) });
