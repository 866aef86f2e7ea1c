import { useMemo, useState } from "preact/hooks";
import type { StudySummary } from "../api/api-types.ts";
import { useApiResource } from "../api/use-api-resource.ts";
import { decodeLabelRle, type LabelRle } from "../labeling/label-rle.ts";
import { MaskOverlayViewer } from "./mask-overlay-viewer.tsx";
import { meanPairwiseDice } from "./slice-agreement.ts";
import { type SortOrder, sortRows, toggleSort } from "./sort-rows.ts";

/** The parts of GET /api/studies/:id/export (JSON) this panel reads. */
interface StudyExport {
  volumes: { id: number; name: string }[];
  slices: {
    id: number;
    volumeId: number;
    indexInVolume: number;
    width: number;
    height: number;
    isGold: boolean;
  }[];
  raters: { userId: number; displayName: string }[];
  annotations: { sliceId: number; userId: number; labels: LabelRle }[];
}

export interface SliceAgreementRow {
  sliceId: number;
  volumeName: string;
  indexInVolume: number;
  width: number;
  height: number;
  isGold: boolean;
  labels: number;
  dice: number | null;
  masks: { userId: number; raterName: string; labels: Uint8Array }[];
}

type Column = "slice" | "labels" | "dice";

/**
 * Agreement per slice, worst first, from the study's JSON export: the masks are decoded here,
 * so the list and the overlay viewer need no route of their own.
 */
export function AgreementPanel({ study }: { study: StudySummary }) {
  const exported = useApiResource<StudyExport>(`/api/studies/${study.id}/export?format=json`);
  const [order, setOrder] = useState<SortOrder<Column>>({ key: "dice", direction: "ascending" });
  const [selected, setSelected] = useState<number | null>(null);

  const rows = useMemo(
    () => agreementRows(exported.data, study.classes.length),
    [exported.data, study],
  );
  const sorted = sortRows(rows, order, (row, key) =>
    key === "slice"
      ? `${row.volumeName} ${row.indexInVolume}`
      : key === "labels"
        ? row.labels
        : row.dice,
  );
  const chosen = rows.find((row) => row.sliceId === selected) ?? null;

  const header = (key: Column, label: string, numeric: boolean) => (
    <th
      scope="col"
      class={numeric ? "number" : ""}
      aria-sort={order.key === key ? order.direction : "none"}
    >
      <button
        type="button"
        class="sort-button"
        onClick={() =>
          setOrder(toggleSort(order, key, key === "labels" ? "descending" : "ascending"))
        }
      >
        {label}
        <span aria-hidden="true">
          {order.key === key ? (order.direction === "ascending" ? " ▲" : " ▼") : ""}
        </span>
      </button>
    </th>
  );

  return (
    <section class="panel" aria-labelledby="agreement-title">
      <div class="panel-title-row">
        <h2 id="agreement-title">Agreement per slice</h2>
        <button type="button" onClick={() => exported.reload()}>
          Refresh
        </button>
      </div>
      {exported.error ? (
        <p class="error" role="alert">
          {exported.error}
        </p>
      ) : null}
      {!exported.data ? (
        <p class="muted">Loading the labels…</p>
      ) : rows.length === 0 ? (
        <p class="muted">No slices yet.</p>
      ) : (
        <div class="agreement-layout">
          <div class="scroll-table">
            <table class="data-table">
              <caption class="visually-hidden">
                Mean pairwise Dice of the raters on each slice; sort by a column header
              </caption>
              <thead>
                <tr>
                  {header("slice", "Slice", false)}
                  {header("labels", "Labels", true)}
                  {header("dice", "Mean pairwise Dice", true)}
                  <th scope="col">
                    <span class="visually-hidden">View</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => (
                  <tr key={row.sliceId} class={row.sliceId === selected ? "selected" : ""}>
                    <th scope="row">
                      {row.volumeName} · {row.indexInVolume}
                      {row.isGold ? <span class="badge">gold</span> : null}
                    </th>
                    <td class="number">{row.labels}</td>
                    <td class="number">
                      <AgreementValue dice={row.dice} />
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={row.labels === 0}
                        aria-label={`View the masks of ${row.volumeName} slice ${row.indexInVolume}`}
                        onClick={() => setSelected(row.sliceId)}
                      >
                        View
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chosen ? (
            <MaskOverlayViewer row={chosen} classes={study.classes} />
          ) : (
            <p class="muted viewer-placeholder">
              Choose “View” on a slice to see every rater’s mask on it.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function AgreementValue({ dice }: { dice: number | null }) {
  if (dice === null) return <span class="muted">—</span>;
  const tone = dice >= 0.8 ? "good" : dice >= 0.6 ? "warn" : "bad";
  return (
    <span class="agreement-value">
      <span
        class={`meter ${tone}`}
        style={{ width: `${Math.round(dice * 60)}px` }}
        aria-hidden="true"
      />
      {dice.toFixed(2)}
    </span>
  );
}

function agreementRows(data: StudyExport | null, numClasses: number): SliceAgreementRow[] {
  if (!data) return [];
  const volumeNames = new Map(data.volumes.map((v) => [v.id, v.name]));
  const raterNames = new Map(data.raters.map((r) => [r.userId, r.displayName]));
  const bySlice = new Map<number, StudyExport["annotations"]>();
  for (const annotation of data.annotations) {
    const list = bySlice.get(annotation.sliceId) ?? [];
    list.push(annotation);
    bySlice.set(annotation.sliceId, list);
  }
  return data.slices.map((slice) => {
    const masks = (bySlice.get(slice.id) ?? []).map((annotation) => ({
      userId: annotation.userId,
      raterName: raterNames.get(annotation.userId) ?? `rater ${annotation.userId}`,
      labels: decodeLabelRle(annotation.labels),
    }));
    return {
      sliceId: slice.id,
      volumeName: volumeNames.get(slice.volumeId) ?? `volume ${slice.volumeId}`,
      indexInVolume: slice.indexInVolume,
      width: slice.width,
      height: slice.height,
      isGold: slice.isGold,
      labels: masks.length,
      dice: meanPairwiseDice(
        masks.map((mask) => mask.labels),
        numClasses,
      ),
      masks,
    };
  });
}
