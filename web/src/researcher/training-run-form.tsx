import { useState } from "preact/hooks";
import type { FusionRun, LabelSource, RaterStatistics, TrainingRun } from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import {
  ARCHITECTURE_OPTIONS,
  type ArchitectureName,
  FUSION_METHOD_OPTIONS,
  IMAGE_SIZES,
  LOSS_OPTIONS,
  type LossName,
  optionLabel,
} from "./run-options.ts";

/** Model, loss, label source and length of a training run. */
export function TrainingRunForm({
  studyId,
  raters,
  fusionRuns,
  onStarted,
}: {
  studyId: number;
  raters: readonly RaterStatistics[];
  fusionRuns: readonly FusionRun[];
  onStarted: (run: TrainingRun) => void;
}) {
  const { api } = useSession();
  const [architecture, setArchitecture] = useState<ArchitectureName>("unet");
  const [loss, setLoss] = useState<LossName>("ce+dice");
  const [source, setSource] = useState("reference");
  const [epochs, setEpochs] = useState(20);
  const [imageSize, setImageSize] = useState(128);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const finishedFusions = fusionRuns.filter((run) => run.status === "succeeded");

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { run } = await api.post<{ run: TrainingRun }>(
        `/api/studies/${studyId}/training-runs`,
        {
          architecture,
          loss,
          labelSource: parseSource(source),
          epochs,
          imageSize,
        },
      );
      onStarted(run);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel form-grid run-form" onSubmit={submit} aria-labelledby="training-form-title">
      <h2 id="training-form-title">Train a model</h2>
      <div class="field-row">
        <label>
          Model
          <select
            value={architecture}
            onChange={(event) => setArchitecture(event.currentTarget.value as ArchitectureName)}
          >
            {ARCHITECTURE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Loss
          <select value={loss} onChange={(event) => setLoss(event.currentTarget.value as LossName)}>
            {LOSS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Label source
        <select value={source} onChange={(event) => setSource(event.currentTarget.value)}>
          <option value="reference">Expert reference</option>
          <optgroup label="Fusion runs">
            {finishedFusions.map((run) => (
              <option key={run.id} value={`fusion:${run.id}`}>
                #{run.id} {optionLabel(FUSION_METHOD_OPTIONS, run.method)}
                {run.priors.length ? ` + ${run.priors.length} priors` : ""}
              </option>
            ))}
          </optgroup>
          <optgroup label="One rater">
            {raters.map((rater) => (
              <option key={rater.userId} value={`rater:${rater.userId}`}>
                {rater.displayName}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div class="field-row">
        <label>
          Epochs
          <input
            type="number"
            min={1}
            max={1000}
            required
            value={epochs}
            onInput={(event) => setEpochs(Number(event.currentTarget.value))}
          />
        </label>
        <label>
          Image size
          <select
            value={imageSize}
            onChange={(event) => setImageSize(Number(event.currentTarget.value))}
          >
            {IMAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}×{size}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          Start training run
        </button>
      </div>
    </form>
  );
}

function parseSource(value: string): LabelSource {
  const [kind, id] = value.split(":");
  if (kind === "rater") return { kind: "rater", userId: Number(id) };
  if (kind === "fusion") return { kind: "fusion", fusionRunId: Number(id) };
  return { kind: "reference" };
}
