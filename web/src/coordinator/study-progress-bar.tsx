import type { StudyProgress } from "../api/api-types.ts";

/** Done, in progress and open slices as one stacked bar, with the numbers spelled out. */
export function StudyProgressBar({
  progress,
  label,
}: {
  progress: StudyProgress | null;
  label: string;
}) {
  if (!progress) return <div class="stacked-bar loading" aria-hidden="true" />;
  const { slices, done, inProgress } = progress;
  const percent = (n: number) => (slices === 0 ? 0 : (100 * n) / slices);
  const text = `${done} of ${slices} slices done, ${inProgress} in progress`;
  return (
    <div class="study-progress">
      <div
        class="stacked-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={slices}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <span class="segment done" style={{ width: `${percent(done)}%` }} />
        <span class="segment in-progress" style={{ width: `${percent(inProgress)}%` }} />
      </div>
      <p class="muted small">{text}</p>
    </div>
  );
}
