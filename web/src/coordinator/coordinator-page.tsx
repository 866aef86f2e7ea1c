import { useState } from "preact/hooks";
import type { StudyProgress, StudySummary } from "../api/api-types.ts";
import { useApiResource } from "../api/use-api-resource.ts";
import { Link } from "../navigation/link.tsx";
import { navigate } from "../navigation/router.ts";
import { CreateStudyForm } from "./create-study-form.tsx";
import { StudyDetail } from "./study-detail.tsx";
import { StudyProgressBar } from "./study-progress-bar.tsx";

/** /studies and /studies/:id: the coordinator's studies beside the one being managed. */
export function CoordinatorPage({ studyId }: { studyId: number | null }) {
  const studies = useApiResource<{ studies: StudySummary[] }>("/api/studies?limit=200", 10_000);
  const [creating, setCreating] = useState(false);
  const list = studies.data?.studies ?? [];
  const selected = list.find((study) => study.id === studyId) ?? null;

  return (
    <main class="page dashboard">
      <aside class="study-list" aria-label="Studies">
        <div class="study-list-header">
          <h1>Studies</h1>
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            New study
          </button>
        </div>
        {studies.error ? (
          <p class="error" role="alert">
            {studies.error}
          </p>
        ) : null}
        {studies.data && list.length === 0 ? <p class="muted">No studies yet.</p> : null}
        <ul>
          {list.map((study) => (
            <li key={study.id} class={study.id === studyId && !creating ? "selected" : ""}>
              <Link href={`/studies/${study.id}`} current={study.id === studyId}>
                <span class="study-name">{study.name}</span>
              </Link>
              <span class={`badge ${study.status === "active" ? "good" : ""}`}>{study.status}</span>
              <StudyListProgress study={study} />
            </li>
          ))}
        </ul>
      </aside>
      <section class="study-main">
        {creating ? (
          <CreateStudyForm
            onCancel={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              void studies.reload();
              navigate(`/studies/${id}`);
            }}
          />
        ) : selected ? (
          <StudyDetail key={selected.id} study={selected} onChanged={studies.reload} />
        ) : studyId !== null && studies.data ? (
          <p class="notice">Study {studyId} is not one of yours.</p>
        ) : (
          <p class="notice">Choose a study on the left, or create one.</p>
        )}
      </section>
    </main>
  );
}

function StudyListProgress({ study }: { study: StudySummary }) {
  const progress = useApiResource<{ progress: StudyProgress }>(
    `/api/studies/${study.id}/progress`,
    10_000,
  );
  return (
    <>
      <p class="muted small">
        {study.volumeCount} volumes · {study.sliceCount} slices · {study.annotationCount} labels
      </p>
      <StudyProgressBar
        progress={progress.data?.progress ?? null}
        label={`Progress of ${study.name}`}
      />
    </>
  );
}
