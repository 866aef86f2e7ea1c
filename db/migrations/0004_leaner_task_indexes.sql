DROP INDEX "slices_study_idx";--> statement-breakpoint
DROP INDEX "assignments_study_user_idx";--> statement-breakpoint
DROP INDEX "assignments_slice_state_idx";