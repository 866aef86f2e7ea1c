import type { App } from "../create-app.ts";
import { registerExportSoftLabelVolume } from "../routes/export-soft-label-volume.ts";
import { registerGetRun } from "../routes/get-run.ts";
import { registerGetSoftLabel } from "../routes/get-soft-label.ts";
import { registerListRuns } from "../routes/list-runs.ts";
import { registerStartFusionRun } from "../routes/start-fusion-run.ts";
import { registerStartTrainingRun } from "../routes/start-training-run.ts";
import { registerStreamRunEvents } from "../routes/stream-run-events.ts";

/** The researcher's routes: start, list, follow and read fusion and training runs. */
export function registerRunRoutes(app: App): void {
  registerStartFusionRun(app);
  registerStartTrainingRun(app);
  registerListRuns(app);
  registerGetRun(app);
  registerStreamRunEvents(app);
  registerGetSoftLabel(app);
  registerExportSoftLabelVolume(app);
}
