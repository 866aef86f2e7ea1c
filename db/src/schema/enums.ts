import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["rater", "coordinator", "researcher", "admin"]);
export const memberRole = pgEnum("member_role", ["rater", "coordinator", "researcher"]);
export const studyStatus = pgEnum("study_status", ["draft", "active", "closed"]);
export const assignmentState = pgEnum("assignment_state", [
  "leased",
  "completed",
  "expired",
  "skipped",
]);
export const runStatus = pgEnum("run_status", [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
]);
export const imageFormat = pgEnum("image_format", ["nifti", "png", "phantom"]);
