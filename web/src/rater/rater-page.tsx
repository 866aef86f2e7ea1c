import type { Membership } from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import { Link } from "../navigation/link.tsx";
import { Redirect } from "../navigation/redirect.tsx";
import { LabelingSession } from "./labeling-session.tsx";

/** /label and /label/:studyId: the rater's study, then one slice after another. */
export function RaterPage({ studyId }: { studyId: number | null }) {
  const { me } = useSession();
  const ratedStudies = me.memberships.filter((m) => m.role === "rater");
  if (studyId !== null) {
    const membership = ratedStudies.find((m) => m.studyId === studyId);
    return (
      <LabelingSession
        key={studyId}
        studyId={studyId}
        studyName={membership?.studyName ?? `Study ${studyId}`}
      />
    );
  }
  if (ratedStudies.length === 1) return <Redirect to={`/label/${ratedStudies[0]!.studyId}`} />;
  return <StudyChooser studies={ratedStudies} />;
}

function StudyChooser({ studies }: { studies: Membership[] }) {
  return (
    <main class="page narrow">
      <h1>Label slices</h1>
      {studies.length === 0 ? (
        <p class="notice">
          You are not a rater in any study yet. Ask a study coordinator for an invitation.
        </p>
      ) : (
        <>
          <p>Choose the study to label:</p>
          <ul class="choice-list">
            {studies.map((study) => (
              <li key={study.studyId}>
                <Link href={`/label/${study.studyId}`}>{study.studyName}</Link>
                {study.blocked ? <span class="badge bad">blocked</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
