import type { TrainingRun } from "../api/api-types.ts";

export interface DiceCell {
  /** mean over the runs of their test Dice (foreground mean, against the expert) */
  dice: number;
  runs: number;
}

export interface DiceBySource {
  sources: string[];
  losses: string[];
  /** keyed by `${source}\u0000${loss}` */
  cells: Map<string, DiceCell>;
}

export function diceCellKey(source: string, loss: string): string {
  return `${source}\u0000${loss}`;
}

/** The test Dice a finished training run reports, or null when it has none. */
export function testDiceOf(run: Pick<TrainingRun, "status" | "metrics">): number | null {
  if (run.status !== "succeeded") return null;
  const test = run.metrics?.test as { meanDice?: { mean?: unknown } } | null | undefined;
  const dice = test?.meanDice?.mean;
  return typeof dice === "number" && Number.isFinite(dice) ? dice : null;
}

/**
 * The experiment grid: for each label source and loss, the mean test Dice of the runs that
 * finished, so "which labels and which loss come closest to expert-trained" reads off one chart.
 * Sources keep the order they first appear in; the expert reference, the bar to reach, first.
 */
export function diceBySourceAndLoss(
  runs: readonly TrainingRun[],
  sourceName: (run: TrainingRun) => string,
): DiceBySource {
  const sums = new Map<string, { sum: number; runs: number }>();
  const sources: string[] = [];
  const losses: string[] = [];
  const ordered = [...runs].sort(
    (a, b) =>
      Number(b.labelSource.kind === "reference") - Number(a.labelSource.kind === "reference") ||
      a.id - b.id,
  );
  for (const run of ordered) {
    const dice = testDiceOf(run);
    if (dice === null) continue;
    const source = sourceName(run);
    if (!sources.includes(source)) sources.push(source);
    if (!losses.includes(run.loss)) losses.push(run.loss);
    const key = diceCellKey(source, run.loss);
    const cell = sums.get(key) ?? { sum: 0, runs: 0 };
    cell.sum += dice;
    cell.runs += 1;
    sums.set(key, cell);
  }
  const cells = new Map<string, DiceCell>();
  for (const [key, { sum, runs: count }] of sums)
    cells.set(key, { dice: sum / count, runs: count });
  return { sources, losses, cells };
}
