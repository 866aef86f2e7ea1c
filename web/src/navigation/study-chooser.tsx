import { Link } from "./link.tsx";

interface StudyChoice {
  studyId: number;
  studyName: string;
  blocked?: boolean;
}

/** Where a page serves one study at a time and the user has several (or none). */
export function StudyChooser({
  title,
  studies,
  basePath,
  emptyMessage,
}: {
  title: string;
  studies: StudyChoice[];
  basePath: string;
  emptyMessage: string;
}) {
  return (
    <main class="page narrow">
      <h1>{title}</h1>
      {studies.length === 0 ? (
        <p class="notice">{emptyMessage}</p>
      ) : (
        <>
          <p>Choose a study:</p>
          <ul class="choice-list">
            {studies.map((study) => (
              <li key={study.studyId}>
                <Link href={`${basePath}/${study.studyId}`}>{study.studyName}</Link>
                {study.blocked ? <span class="badge bad">blocked</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
