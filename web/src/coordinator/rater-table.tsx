import { useState } from "preact/hooks";
import type { RaterStatistics } from "../api/api-types.ts";
import { useSession } from "../api/session-context.ts";
import { useApiResource } from "../api/use-api-resource.ts";
import { raterFlags } from "./rater-flags.ts";

/** Every rater's output and quality, with the flags that deserve a look and a block switch. */
export function RaterTable({ studyId }: { studyId: number }) {
  const { api } = useSession();
  const raters = useApiResource<{ raters: RaterStatistics[] }>(
    `/api/studies/${studyId}/raters`,
    10_000,
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  const setBlocked = async (rater: RaterStatistics, blocked: boolean) => {
    setPending(rater.userId);
    setError(null);
    try {
      await api.request("PATCH", `/api/studies/${studyId}/raters/${rater.userId}`, {
        json: { blocked },
      });
      await raters.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(null);
    }
  };

  const rows = raters.data?.raters ?? [];
  return (
    <section class="panel" aria-labelledby="raters-title">
      <h2 id="raters-title">Raters</h2>
      {error || raters.error ? (
        <p class="error" role="alert">
          {error ?? raters.error}
        </p>
      ) : null}
      {raters.data && rows.length === 0 ? (
        <p class="muted">No raters yet: invite some to the study.</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Rater</th>
              <th scope="col" class="number">
                Labels
              </th>
              <th scope="col" class="number">
                Median time
              </th>
              <th scope="col" class="number">
                Gold Dice
              </th>
              <th scope="col" class="number">
                STAPLE sens. / spec.
              </th>
              <th scope="col">Flagged</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((rater) => {
              const flags = raterFlags(rater);
              return (
                <tr key={rater.userId} class={rater.blocked ? "blocked" : ""}>
                  <th scope="row">
                    {rater.displayName}
                    <span class="muted small block">{rater.email}</span>
                  </th>
                  <td class="number">{rater.annotations}</td>
                  <td class="number">
                    {rater.medianDurationMs === null
                      ? "—"
                      : `${(rater.medianDurationMs / 1000).toFixed(1)} s`}
                  </td>
                  <td class="number">
                    {rater.goldDice === null ? "—" : rater.goldDice.toFixed(2)}
                    <span class="muted small"> ({rater.goldAnnotations})</span>
                  </td>
                  <td class="number">
                    {rater.sensitivity === null
                      ? "—"
                      : `${rater.sensitivity.toFixed(2)} / ${rater.specificity?.toFixed(2) ?? "—"}`}
                  </td>
                  <td>
                    {rater.blocked ? <span class="badge bad">blocked</span> : null}
                    {flags.map((flag) => (
                      <span key={flag} class="badge warn">
                        {flag}
                      </span>
                    ))}
                  </td>
                  <td>
                    <button
                      type="button"
                      class={rater.blocked ? "" : "danger"}
                      disabled={pending === rater.userId}
                      onClick={() => setBlocked(rater, !rater.blocked)}
                      aria-label={`${rater.blocked ? "Unblock" : "Block"} ${rater.displayName}`}
                    >
                      {rater.blocked ? "Unblock" : "Block"}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
