import type { FusionRun, TrainingRun } from "../api/api-types.ts";
import { testDiceOf } from "./dice-by-source.ts";
import {
  ARCHITECTURE_OPTIONS,
  FUSION_METHOD_OPTIONS,
  LOSS_OPTIONS,
  optionLabel,
} from "./run-options.ts";
import { RunStatusBadge } from "./run-status-badge.tsx";
import type { RunKind } from "./use-run-events.ts";

interface RunsTablesProps {
  fusionRuns: readonly FusionRun[];
  trainingRuns: readonly TrainingRun[];
  selected: { kind: RunKind; id: number } | null;
  onSelect: (kind: RunKind, id: number) => void;
  sourceName: (run: TrainingRun) => string;
}

const number = (value: unknown, digits: number) =>
  typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "—";

/** Every run of the study with its headline numbers; “Show” follows one in the panel above. */
export function RunsTables({
  fusionRuns,
  trainingRuns,
  selected,
  onSelect,
  sourceName,
}: RunsTablesProps) {
  const isSelected = (kind: RunKind, id: number) => selected?.kind === kind && selected.id === id;
  return (
    <div class="runs-tables">
      <section class="panel" aria-labelledby="fusion-runs-title">
        <h2 id="fusion-runs-title">Fusion runs</h2>
        {fusionRuns.length === 0 ? (
          <p class="muted">None yet.</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Method</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Dice
                </th>
                <th scope="col" class="number">
                  MV Dice
                </th>
                <th scope="col" class="number">
                  ECE
                </th>
                <th scope="col">
                  <span class="visually-hidden">Show</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fusionRuns.map((run) => (
                <tr key={run.id} class={isSelected("fusion", run.id) ? "selected" : ""}>
                  <th scope="row">#{run.id}</th>
                  <td>
                    {optionLabel(FUSION_METHOD_OPTIONS, run.method)}
                    {run.priors.length ? (
                      <span class="muted small block">{run.priors.join(", ")}</span>
                    ) : null}
                  </td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td class="number">{number(run.metrics?.meanDice, 3)}</td>
                  <td class="number">{number(run.metrics?.majorityVoteMeanDice, 3)}</td>
                  <td class="number">{number(run.metrics?.expectedCalibrationError, 3)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Show fusion run ${run.id}`}
                      onClick={() => onSelect("fusion", run.id)}
                    >
                      Show
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="panel" aria-labelledby="training-runs-title">
        <h2 id="training-runs-title">Training runs</h2>
        {trainingRuns.length === 0 ? (
          <p class="muted">None yet.</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Model · loss</th>
                <th scope="col">Labels</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Val. Dice
                </th>
                <th scope="col" class="number">
                  Test Dice
                </th>
                <th scope="col">
                  <span class="visually-hidden">Show</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {trainingRuns.map((run) => (
                <tr key={run.id} class={isSelected("training", run.id) ? "selected" : ""}>
                  <th scope="row">#{run.id}</th>
                  <td>
                    {optionLabel(ARCHITECTURE_OPTIONS, run.architecture)} ·{" "}
                    {optionLabel(LOSS_OPTIONS, run.loss)}
                  </td>
                  <td>{sourceName(run)}</td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td class="number">
                    {number(run.metrics?.bestValidationDice ?? run.progress.validationDice, 3)}
                  </td>
                  <td class="number">{number(testDiceOf(run), 3)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Show training run ${run.id}`}
                      onClick={() => onSelect("training", run.id)}
                    >
                      Show
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
