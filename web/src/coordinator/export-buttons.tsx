import { useState } from "preact/hooks";
import { useSession } from "../api/session-context.ts";

const FORMATS = [
  { format: "json", label: "JSON (RLE)", extension: "json" },
  { format: "png", label: "PNG zip", extension: "zip" },
  { format: "nifti", label: "NIfTI zip", extension: "zip" },
] as const;

/** Downloads need the bearer token, so a link cannot do: fetch, then save the blob. */
export function ExportButtons({ studyId }: { studyId: number }) {
  const { api } = useSession();
  const [error, setError] = useState<string | null>(null);
  const download = async (format: string, extension: string) => {
    setError(null);
    try {
      const blob = await api.blob(`/api/studies/${studyId}/export?format=${format}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `study-${studyId}-${format}.${extension}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <fieldset class="export-buttons">
      <legend class="muted small">Export labels</legend>
      {FORMATS.map(({ format, label, extension }) => (
        <button key={format} type="button" onClick={() => download(format, extension)}>
          {label}
        </button>
      ))}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
