import type { FusionRun, TrainingRun } from "../api/api-types.ts";
import { LossCurve } from "./loss-curve.tsx";
import { type EpochRecord, historyPoints } from "./loss-curve-points.ts";
import { RunStatusBadge } from "./run-status-badge.tsx";
import { type RunKind, useRunEvents } from "./use-run-events.ts";

/** The selected run as it happens: progress from its event stream, and the loss curve. */
export function LiveRunPanel({
  kind,
  runId,
  describe,
  onFinished,
}: {
  kind: RunKind;
  runId: number;
  describe: (run: FusionRun | TrainingRun) => string;
  onFinished: () => void;
}) {
  const { run, points, error } = useRunEvents<FusionRun | TrainingRun>(kind, runId, onFinished);
  const title = `${kind === "fusion" ? "Fusion" : "Training"} run #${runId}`;
  if (!run) {
    return (
      <section class="panel live-run" aria-labelledby="live-run-title">
        <h2 id="live-run-title">{title}</h2>
        <p class={error ? "error" : "muted"} role={error ? "alert" : "status"}>
          {error ?? "Connecting to the run’s progress…"}
        </p>
      </section>
    );
  }
  const { progress } = run;
  const history = (run.metrics?.history as EpochRecord[] | undefined) ?? null;
  const finishedCurve = run.status === "succeeded" && history && history.length > 0;
  // a finished run's progress no longer carries the numbers; its last epoch does
  const lastEpoch = finishedCurve ? history.at(-1) : undefined;
  return (
    <section class="panel live-run" aria-labelledby="live-run-title">
      <div class="panel-title-row">
        <h2 id="live-run-title">
          {title} <RunStatusBadge status={run.status} />
        </h2>
        <span class="muted small">{describe(run)}</span>
      </div>
      <div class="run-progress">
        <progress
          aria-label={`${title} progress`}
          max={1}
          value={run.status === "succeeded" ? 1 : progress.fraction}
        />
        <span class="muted small" data-testid="run-progress-message">
          {Math.round((run.status === "succeeded" ? 1 : progress.fraction) * 100)}%
          {progress.message ? ` · ${progress.message}` : ""}
        </span>
      </div>
      {run.status === "failed" && run.error ? (
        <p class="error" role="alert">
          {run.error}
        </p>
      ) : null}
      {kind === "training" ? (
        <>
          <dl class="stat-row compact">
            <Stat label="Epoch" value={lastEpoch?.epoch ?? progress.epoch} />
            {progress.step === undefined ? null : <Stat label="Step" value={progress.step} />}
            <Stat label="Loss" value={(lastEpoch?.loss ?? progress.loss)?.toFixed(4)} />
            <Stat
              label="Validation Dice"
              value={(lastEpoch?.validationDice ?? progress.validationDice)?.toFixed(3)}
            />
          </dl>
          <LossCurve
            points={finishedCurve ? historyPoints(history) : points}
            xTitle={finishedCurve ? "epoch" : "optimizer step"}
          />
        </>
      ) : (
        <FusionSummary run={run as FusionRun} />
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string | number | undefined }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? "—"}</dd>
    </div>
  );
}

function FusionSummary({ run }: { run: FusionRun }) {
  const m = run.metrics as {
    meanDice?: number;
    majorityVoteMeanDice?: number;
    brier?: number;
    expectedCalibrationError?: number;
    slices?: number;
    raters?: number;
  } | null;
  if (!m) return null;
  return (
    <dl class="stat-row compact">
      <Stat label="Slices" value={m.slices} />
      <Stat label="Raters" value={m.raters} />
      <Stat label="Dice vs expert" value={m.meanDice?.toFixed(3)} />
      <Stat label="Majority vote Dice" value={m.majorityVoteMeanDice?.toFixed(3)} />
      <Stat label="Brier" value={m.brier?.toFixed(4)} />
      <Stat label="ECE" value={m.expectedCalibrationError?.toFixed(4)} />
    </dl>
  );
}
