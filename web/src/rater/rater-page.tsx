import { useSession } from "../api/session-context.ts";
import { Redirect } from "../navigation/redirect.tsx";
import { StudyChooser } from "../navigation/study-chooser.tsx";
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
  return (
    <StudyChooser
      title="Label slices"
      studies={ratedStudies}
      basePath="/label"
      emptyMessage="You are not a rater in any study yet. Ask a study coordinator for an invitation."
    />
  );
}
