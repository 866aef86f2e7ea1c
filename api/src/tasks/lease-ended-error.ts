import { ApiError } from "../api-error.ts";

/** The answer when a rater acts on a task whose lease is over (expired, skipped, submitted). */
export function leaseEndedError(taskId: number, state: string): ApiError {
  const how =
    state === "completed"
      ? "was already submitted"
      : state === "skipped"
        ? "was skipped"
        : "has expired";
  return new ApiError(
    409,
    "lease_ended",
    `your lease on task ${taskId} ${how}; ask for the next task with POST /api/tasks/next`,
  );
}

export function taskNotFoundError(taskId: number): ApiError {
  return new ApiError(404, "task_not_found", `task ${taskId} does not exist or is not yours`);
}
