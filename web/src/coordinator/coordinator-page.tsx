export function CoordinatorPage({ studyId }: { studyId: number | null }) {
  return <main class="page">Studies {studyId}</main>;
}
