/** Shapes of the API's answers, as the routes in api/src/routes return them. */
import type { StudyClass } from "../labeling/class-palette.ts";
import type { LabelRle } from "../labeling/label-rle.ts";

export type UserRole = "rater" | "coordinator" | "researcher" | "admin";
export type StudyRole = "rater" | "coordinator" | "researcher";

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
}

export interface LoggedIn {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface Membership {
  studyId: number;
  studyName: string;
  role: StudyRole;
  blocked: boolean;
}

export interface Me {
  user: SessionUser;
  memberships: Membership[];
}

export interface StudySummary {
  id: number;
  name: string;
  description: string;
  classes: StudyClass[];
  ratersPerSlice: number;
  goldRate: number;
  leaseSeconds: number;
  status: "draft" | "active" | "closed";
  volumeCount: number;
  sliceCount: number;
  annotationCount: number;
}

export interface Task {
  id: number;
  studyId: number;
  width: number;
  height: number;
  classes: StudyClass[];
  imageUrl: string;
  leaseExpiresAt: string;
}

export interface RaterQuality {
  annotations: number;
  medianDurationMs: number | null;
  /** mean Dice on the hidden gold slices; null before the first */
  score: number | null;
  blocked: boolean;
}

export interface StudyProgress {
  slices: number;
  done: number;
  inProgress: number;
  open: number;
  annotations: number;
  liveLeases: number;
  goldSlices: number;
  raters: number;
  blockedRaters: number;
}

export interface RaterStatistics {
  userId: number;
  displayName: string;
  email: string;
  blocked: boolean;
  annotations: number;
  medianDurationMs: number | null;
  goldAnnotations: number;
  goldDice: number | null;
  sensitivity: number | null;
  specificity: number | null;
}

export interface SliceRow {
  id: number;
  volumeId: number;
  volumeName: string;
  indexInVolume: number;
  width: number;
  height: number;
  isGold: boolean;
  hasReference: boolean;
  annotationCount: number;
  liveLeaseCount: number;
}

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface RunProgress {
  fraction: number;
  message?: string;
  epoch?: number;
  step?: number;
  loss?: number;
  validationDice?: number;
}

interface RunCommon {
  id: number;
  studyId: number;
  status: RunStatus;
  progress: RunProgress;
  metrics: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FusionRun extends RunCommon {
  method: string;
  priors: string[];
  params: Record<string, unknown>;
}

export type LabelSource =
  | { kind: "reference" }
  | { kind: "rater"; userId: number }
  | { kind: "fusion"; fusionRunId: number };

export interface TrainingRun extends RunCommon {
  architecture: string;
  loss: string;
  labelSource: LabelSource;
  hyperparameters: Record<string, unknown>;
  backend: string | null;
}

export type { LabelRle };
