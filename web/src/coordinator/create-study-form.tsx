import { useState } from "preact/hooks";
import { useSession } from "../api/session-context.ts";
import { type ClassDraft, ClassListEditor } from "./class-list-editor.tsx";

/** The cardiac short-axis classes of ACDC, the usual starting point. */
const CARDIAC_CLASSES: ClassDraft[] = [
  { name: "background", color: "#000000" },
  { name: "RV", color: "#1f77b4" },
  { name: "myocardium", color: "#2ca02c" },
  { name: "LV cavity", color: "#d62728" },
];

interface CreateStudyFormProps {
  onCreated: (studyId: number) => void;
  onCancel: () => void;
}

export function CreateStudyForm({ onCreated, onCancel }: CreateStudyFormProps) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [classes, setClasses] = useState(CARDIAC_CLASSES);
  const [ratersPerSlice, setRatersPerSlice] = useState(3);
  const [goldPercent, setGoldPercent] = useState(10);
  const [leaseMinutes, setLeaseMinutes] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { study } = await api.post<{ study: { id: number } }>("/api/studies", {
        name,
        description,
        classes,
        ratersPerSlice,
        goldRate: goldPercent / 100,
        leaseSeconds: Math.round(leaseMinutes * 60),
      });
      onCreated(study.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <form class="panel form-grid" onSubmit={submit} aria-labelledby="create-study-title">
      <h2 id="create-study-title">New study</h2>
      <label>
        Name
        <input
          type="text"
          required
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <label>
        Description
        <textarea
          rows={2}
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </label>
      <ClassListEditor classes={classes} onChange={setClasses} />
      <div class="field-row">
        <label>
          Raters per slice (k)
          <input
            type="number"
            min={1}
            max={100}
            required
            value={ratersPerSlice}
            onInput={(event) => setRatersPerSlice(Number(event.currentTarget.value))}
          />
        </label>
        <label>
          Gold slices (% of tasks)
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            required
            value={goldPercent}
            onInput={(event) => setGoldPercent(Number(event.currentTarget.value))}
          />
        </label>
        <label>
          Lease (minutes)
          <input
            type="number"
            min={1}
            max={10080}
            required
            value={leaseMinutes}
            onInput={(event) => setLeaseMinutes(Number(event.currentTarget.value))}
          />
        </label>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Creating…" : "Create study"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
