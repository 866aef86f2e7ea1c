import type { RaterQuality } from "../api/api-types.ts";

/** The rater's own standing: how many labels, and how well they match the hidden check slices. */
export function QualitySummary({ quality }: { quality: RaterQuality | null }) {
  return (
    <dl class="quality-summary" aria-label="Your progress">
      <div>
        <dt>Your labels</dt>
        <dd data-testid="my-label-count">{quality ? quality.annotations : "…"}</dd>
      </div>
      <div>
        <dt title="Mean Dice of your labels against expert labels on check slices">
          Quality score
        </dt>
        <dd data-testid="my-quality-score">
          {quality?.score == null ? "—" : `${Math.round(quality.score * 100)}%`}
        </dd>
      </div>
      <div>
        <dt>Median time</dt>
        <dd>
          {quality?.medianDurationMs == null
            ? "—"
            : `${Math.round(quality.medianDurationMs / 1000)} s`}
        </dd>
      </div>
    </dl>
  );
}
