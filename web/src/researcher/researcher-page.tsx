export function ResearcherPage({ studyId }: { studyId: number | null }) {
  return <main class="page">Runs {studyId}</main>;
}
