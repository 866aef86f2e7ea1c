import { useState } from "preact/hooks";
import type { TrainingRun } from "../api/api-types.ts";
import { BlandAltmanPlot } from "./bland-altman-plot.tsx";
import { blandAltmanPlotData } from "./bland-altman-points.ts";
import { diceBySourceAndLoss } from "./dice-by-source.ts";
import { DiceBySourceChart } from "./dice-by-source-chart.tsx";

/** The parts of a training run's `metrics.test.patients` the Bland–Altman plot reads. */
interface PatientIndices {
  patientId: string;
  predicted: { ejectionFraction: number };
  reference: { ejectionFraction: number };
}

/** The study's experiment at a glance: which labels and losses train the best models. */
export function ExperimentPlots({
  runs,
  sourceName,
}: {
  runs: readonly TrainingRun[];
  sourceName: (run: TrainingRun) => string;
}) {
  const grid = diceBySourceAndLoss(runs, sourceName);
  const withPatients = runs.filter(
    (run) => run.status === "succeeded" && patientsOf(run).length >= 2,
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const run = withPatients.find((r) => r.id === chosen) ?? withPatients[0] ?? null;
  const data = run
    ? blandAltmanPlotData(
        patientsOf(run).map((p) => ({
          label: p.patientId,
          measured: p.predicted.ejectionFraction,
          reference: p.reference.ejectionFraction,
        })),
      )
    : null;
  return (
    <section class="panel" aria-labelledby="experiment-title">
      <h2 id="experiment-title">Experiment</h2>
      <div class="plots">
        <div>
          <h3>Dice per label source and loss</h3>
          {grid.cells.size === 0 ? (
            <p class="muted chart-empty">Finished training runs with a test set appear here.</p>
          ) : (
            <DiceBySourceChart grid={grid} />
          )}
        </div>
        <div>
          <h3>Ejection fraction: model vs expert (Bland–Altman)</h3>
          {run && data ? (
            <>
              <label class="inline-select">
                Training run
                <select
                  value={run.id}
                  onChange={(event) => setChosen(Number(event.currentTarget.value))}
                >
                  {withPatients.map((r) => (
                    <option key={r.id} value={r.id}>
                      #{r.id} {sourceName(r)} · {r.loss}
                    </option>
                  ))}
                </select>
              </label>
              <BlandAltmanPlot data={data} quantity="EF" scaleFactor={100} unit="%" />
            </>
          ) : (
            <p class="muted chart-empty">
              Needs a finished training run tested on at least two patients with ED and ES.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

function patientsOf(run: TrainingRun): PatientIndices[] {
  const test = run.metrics?.test as { patients?: PatientIndices[] } | null | undefined;
  return (test?.patients ?? []).filter(
    (p) =>
      Number.isFinite(p.predicted?.ejectionFraction) &&
      Number.isFinite(p.reference?.ejectionFraction),
  );
}
