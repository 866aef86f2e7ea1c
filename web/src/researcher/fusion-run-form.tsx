import { useState } from "preact/hooks";
import type { FusionRun } from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import {
  FUSION_METHOD_OPTIONS,
  type FusionMethodName,
  PRIOR_OPTIONS,
  type PriorName,
} from "./run-options.ts";

/** Method and anatomical priors for a fusion run of the whole study. */
export function FusionRunForm({
  studyId,
  onStarted,
}: {
  studyId: number;
  onStarted: (run: FusionRun) => void;
}) {
  const { api } = useSession();
  const [method, setMethod] = useState<FusionMethodName>("staple");
  const [priors, setPriors] = useState<PriorName[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { run } = await api.post<{ run: FusionRun }>(`/api/studies/${studyId}/fusion-runs`, {
        method,
        priors,
      });
      onStarted(run);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (prior: PriorName, on: boolean) =>
    setPriors((current) => (on ? [...current, prior] : current.filter((p) => p !== prior)));

  return (
    <form class="panel form-grid run-form" onSubmit={submit} aria-labelledby="fusion-form-title">
      <h2 id="fusion-form-title">Fuse the raters’ labels</h2>
      <label>
        Method
        <select
          value={method}
          onChange={(event) => setMethod(event.currentTarget.value as FusionMethodName)}
        >
          {FUSION_METHOD_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="checkbox-list">
        <legend>Anatomical priors</legend>
        {PRIOR_OPTIONS.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={priors.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          Start fusion run
        </button>
      </div>
    </form>
  );
}
