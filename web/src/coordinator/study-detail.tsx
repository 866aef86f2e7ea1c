import type { StudyProgress, StudySummary } from "../api/api-types.ts";
import { useApiResource } from "../api/use-api-resource.ts";
import { AgreementPanel } from "./agreement-panel.tsx";
import { ExportButtons } from "./export-buttons.tsx";
import { RaterTable } from "./rater-table.tsx";
import { StudyProgressBar } from "./study-progress-bar.tsx";
import { VolumeUploadForm } from "./volume-upload-form.tsx";

/** One study as its coordinator runs it: progress, images, raters and their agreement. */
export function StudyDetail({ study, onChanged }: { study: StudySummary; onChanged: () => void }) {
  const progress = useApiResource<{ progress: StudyProgress }>(
    `/api/studies/${study.id}/progress`,
    5_000,
  );
  const p = progress.data?.progress;
  return (
    <div class="study-detail">
      <header class="study-header">
        <div>
          <h1>{study.name}</h1>
          {study.description ? <p class="muted">{study.description}</p> : null}
          <p class="muted small">
            k = {study.ratersPerSlice} raters per slice · gold {Math.round(study.goldRate * 100)}% ·
            lease {Math.round(study.leaseSeconds / 60)} min ·{" "}
            {study.classes
              .filter((cls) => cls.index > 0)
              .map((cls) => cls.name)
              .join(", ")}
          </p>
        </div>
        <ExportButtons studyId={study.id} />
      </header>
      <div class="detail-grid">
        <section class="panel" aria-labelledby="progress-title">
          <h2 id="progress-title">Progress</h2>
          <StudyProgressBar progress={p ?? null} label={`Progress of ${study.name}`} />
          {p ? (
            <dl class="stat-row">
              <div>
                <dt>Slices</dt>
                <dd data-testid="progress-slices">{p.slices}</dd>
              </div>
              <div>
                <dt>Done</dt>
                <dd data-testid="progress-done">{p.done}</dd>
              </div>
              <div>
                <dt>In progress</dt>
                <dd>{p.inProgress}</dd>
              </div>
              <div>
                <dt>Labels</dt>
                <dd>{p.annotations}</dd>
              </div>
              <div>
                <dt>Gold slices</dt>
                <dd>{p.goldSlices}</dd>
              </div>
              <div>
                <dt>Raters</dt>
                <dd>
                  {p.raters}
                  {p.blockedRaters ? ` (${p.blockedRaters} blocked)` : ""}
                </dd>
              </div>
            </dl>
          ) : null}
        </section>
        <VolumeUploadForm
          studyId={study.id}
          onUploaded={() => {
            void progress.reload();
            onChanged();
          }}
        />
      </div>
      <RaterTable studyId={study.id} />
      <AgreementPanel study={study} />
    </div>
  );
}
