import { useState } from "preact/hooks";
import { useSession } from "../api/session-context.ts";
import { uploadWithProgress } from "../api/upload-with-progress.ts";

type UploadState =
  | { kind: "idle" }
  | { kind: "sending"; sent: number; total: number }
  | { kind: "importing" }
  | { kind: "done"; slices: number; name: string }
  | { kind: "failed"; message: string };

/** A NIfTI volume or a PNG stack, optionally with reference labels, sent with a progress bar. */
export function VolumeUploadForm({
  studyId,
  onUploaded,
}: {
  studyId: number;
  onUploaded: () => void;
}) {
  const { token } = useSession();
  const [format, setFormat] = useState<"nifti" | "png">("nifti");
  const [state, setState] = useState<UploadState>({ kind: "idle" });

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    data.set("format", format);
    // an empty optional file field would reach the API as a file without bytes
    for (const key of ["labels"]) {
      const files = data.getAll(key).filter((value) => value instanceof File && value.size > 0);
      data.delete(key);
      for (const file of files) data.append(key, file);
    }
    const name = String(data.get("name") ?? "");
    setState({ kind: "sending", sent: 0, total: 1 });
    try {
      const { volume } = await uploadWithProgress<{ volume: { id: number; sliceIds: number[] } }>(
        `/api/studies/${studyId}/volumes`,
        data,
        token,
        (sent, total) =>
          setState(sent < total ? { kind: "sending", sent, total } : { kind: "importing" }),
      );
      setState({ kind: "done", slices: volume.sliceIds.length, name });
      form.reset();
      onUploaded();
    } catch (failure) {
      setState({
        kind: "failed",
        message: failure instanceof Error ? failure.message : String(failure),
      });
    }
  };

  const busy = state.kind === "sending" || state.kind === "importing";
  return (
    <form class="panel form-grid upload-form" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Add images</h2>
      <fieldset class="inline-options">
        <legend>Format</legend>
        <label>
          <input
            type="radio"
            name="upload-format"
            checked={format === "nifti"}
            onChange={() => setFormat("nifti")}
          />
          NIfTI volume
        </label>
        <label>
          <input
            type="radio"
            name="upload-format"
            checked={format === "png"}
            onChange={() => setFormat("png")}
          />
          PNG slices
        </label>
      </fieldset>
      <label>
        Volume name
        <input type="text" name="name" required placeholder="patient001_ED" />
      </label>
      {format === "nifti" ? (
        <>
          <label>
            Image (.nii, .nii.gz)
            <input type="file" name="image" required accept=".nii,.gz,.nii.gz" />
          </label>
          <label>
            Reference labels (optional label volume)
            <input type="file" name="labels" accept=".nii,.gz,.nii.gz" />
          </label>
          <label class="checkbox">
            <input type="checkbox" name="spacingKnown" value="false" />
            Voxel spacing in the header is not real (e.g. reset to 1)
          </label>
        </>
      ) : (
        <>
          <label>
            Slices (PNG, in order)
            <input type="file" name="images" required multiple accept="image/png" />
          </label>
          <label>
            Reference label PNGs (optional, same order)
            <input type="file" name="labels" multiple accept="image/png" />
          </label>
        </>
      )}
      <UploadProgress state={state} />
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </button>
      </div>
    </form>
  );
}

function UploadProgress({ state }: { state: UploadState }) {
  switch (state.kind) {
    case "idle":
      return null;
    case "sending": {
      const percent = Math.round((100 * state.sent) / Math.max(1, state.total));
      return (
        <div class="upload-progress">
          <progress aria-label="Upload progress" max={100} value={percent} />
          <span class="muted small">
            Sending… {percent}% of {formatBytes(state.total)}
          </span>
        </div>
      );
    }
    case "importing":
      return (
        <div class="upload-progress">
          <progress aria-label="Upload progress" max={100} value={100} />
          <span class="muted small">Sent; the server is reading and storing the slices…</span>
        </div>
      );
    case "done":
      return (
        <p class="success" role="status">
          Added “{state.name}”: {state.slices} slices.
        </p>
      );
    case "failed":
      return (
        <p class="error" role="alert">
          {state.message}
        </p>
      );
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
