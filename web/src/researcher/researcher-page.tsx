import { useMemo, useState } from "preact/hooks";
import type {
  FusionRun,
  RaterStatistics,
  SliceRow,
  StudySummary,
  TrainingRun,
} from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import { useApiResource } from "../api/use-api-resource.ts";
import { Redirect } from "../navigation/redirect.tsx";
import { StudyChooser } from "../navigation/study-chooser.tsx";
import { ExperimentPlots } from "./experiment-plots.tsx";
import { FusionRunForm } from "./fusion-run-form.tsx";
import { labelSourceName } from "./label-source-name.ts";
import { LiveRunPanel } from "./live-run-panel.tsx";
import {
  ARCHITECTURE_OPTIONS,
  FUSION_METHOD_OPTIONS,
  LOSS_OPTIONS,
  optionLabel,
} from "./run-options.ts";
import { RunsTables } from "./runs-tables.tsx";
import { SoftLabelViewer } from "./soft-label-viewer.tsx";
import { TrainingRunForm } from "./training-run-form.tsx";
import type { RunKind } from "./use-run-events.ts";

/** /runs and /runs/:studyId: fusion and training runs of one study, live and finished. */
export function ResearcherPage({ studyId }: { studyId: number | null }) {
  const { me } = useSession();
  const isAdmin = me.user.role === "admin";
  const all = useApiResource<{ studies: StudySummary[] }>(
    isAdmin ? "/api/studies?limit=200" : null,
  );
  const studies = isAdmin
    ? (all.data?.studies ?? []).map((s) => ({ studyId: s.id, studyName: s.name }))
    : me.memberships.filter((m) => m.role === "researcher");
  if (studyId !== null) {
    const name = studies.find((s) => s.studyId === studyId)?.studyName ?? `Study ${studyId}`;
    return <StudyRuns key={studyId} studyId={studyId} studyName={name} />;
  }
  if (isAdmin && !all.data) return <p class="notice">Loading studies…</p>;
  if (studies.length === 1) return <Redirect to={`/runs/${studies[0]!.studyId}`} />;
  return (
    <StudyChooser
      title="Runs"
      studies={studies}
      basePath="/runs"
      emptyMessage="You are not a researcher in any study yet."
    />
  );
}

function StudyRuns({ studyId, studyName }: { studyId: number; studyName: string }) {
  const base = `/api/studies/${studyId}`;
  const study = useApiResource<{ study: StudySummary }>(base);
  const fusion = useApiResource<{ runs: FusionRun[] }>(`${base}/fusion-runs?limit=100`, 5_000);
  const training = useApiResource<{ runs: TrainingRun[] }>(
    `${base}/training-runs?limit=100`,
    5_000,
  );
  const raters = useApiResource<{ raters: RaterStatistics[] }>(`${base}/raters`);
  const slices = useApiResource<{ slices: SliceRow[] }>(`${base}/slices?limit=1000`);
  const [chosen, setChosen] = useState<{ kind: RunKind; id: number } | null>(null);

  const fusionRuns = fusion.data?.runs ?? [];
  const trainingRuns = training.data?.runs ?? [];
  const raterNames = useMemo(
    () => new Map((raters.data?.raters ?? []).map((r) => [r.userId, r.displayName])),
    [raters.data],
  );
  const fusionById = useMemo(() => new Map(fusionRuns.map((r) => [r.id, r])), [fusionRuns]);
  const sourceName = (run: TrainingRun) => labelSourceName(run.labelSource, raterNames, fusionById);
  // the latest run, until the researcher picks one
  const latest = [
    ...fusionRuns.map((r) => ({ kind: "fusion" as const, id: r.id, at: r.createdAt })),
    ...trainingRuns.map((r) => ({ kind: "training" as const, id: r.id, at: r.createdAt })),
  ].sort((a, b) => b.at.localeCompare(a.at))[0];
  const selected = chosen ?? (latest ? { kind: latest.kind, id: latest.id } : null);

  const describe = (run: FusionRun | TrainingRun) =>
    "method" in run
      ? `${optionLabel(FUSION_METHOD_OPTIONS, run.method)}${run.priors.length ? ` + ${run.priors.join(", ")}` : ""}`
      : `${optionLabel(ARCHITECTURE_OPTIONS, run.architecture)} · ${optionLabel(LOSS_OPTIONS, run.loss)} · ${sourceName(run)}${run.backend ? ` · ${run.backend}` : ""}`;
  const reloadRuns = () => {
    void fusion.reload();
    void training.reload();
  };

  return (
    <main class="page researcher">
      <header class="page-header">
        <h1>{study.data?.study.name ?? studyName}</h1>
        <p class="muted small">
          Fuse the crowd’s labels into soft labels, train models on any label source, and compare
          them with expert-trained ones on held-out patients.
        </p>
      </header>
      <div class="researcher-grid">
        <div class="run-forms">
          <FusionRunForm
            studyId={studyId}
            onStarted={(run) => {
              setChosen({ kind: "fusion", id: run.id });
              reloadRuns();
            }}
          />
          <TrainingRunForm
            studyId={studyId}
            raters={raters.data?.raters ?? []}
            fusionRuns={fusionRuns}
            onStarted={(run) => {
              setChosen({ kind: "training", id: run.id });
              reloadRuns();
            }}
          />
        </div>
        <div class="run-results">
          {selected ? (
            <LiveRunPanel
              key={`${selected.kind}${selected.id}`}
              kind={selected.kind}
              runId={selected.id}
              describe={describe}
              onFinished={reloadRuns}
            />
          ) : (
            <p class="panel muted">Start a run: its progress shows here as it goes.</p>
          )}
          <RunsTables
            fusionRuns={fusionRuns}
            trainingRuns={trainingRuns}
            selected={selected}
            onSelect={(kind, id) => setChosen({ kind, id })}
            sourceName={sourceName}
          />
        </div>
      </div>
      <div class="researcher-lower">
        <SoftLabelViewer
          runs={fusionRuns}
          slices={slices.data?.slices ?? []}
          classes={study.data?.study.classes ?? []}
        />
        <ExperimentPlots runs={trainingRuns} sourceName={sourceName} />
      </div>
    </main>
  );
}
