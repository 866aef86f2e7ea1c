export interface ClassDraft {
  name: string;
  color: string;
}

interface ClassListEditorProps {
  classes: ClassDraft[];
  onChange: (classes: ClassDraft[]) => void;
}

/** The study's classes in index order; the first is background and stays first. */
export function ClassListEditor({ classes, onChange }: ClassListEditorProps) {
  const update = (index: number, patch: Partial<ClassDraft>) =>
    onChange(classes.map((cls, i) => (i === index ? { ...cls, ...patch } : cls)));
  return (
    <fieldset class="class-editor">
      <legend>Classes (index order; 0 is background)</legend>
      <ol start={0}>
        {classes.map((cls, index) => (
          <li key={index}>
            <input
              type="text"
              aria-label={`Name of class ${index}`}
              value={cls.name}
              required
              onInput={(event) => update(index, { name: event.currentTarget.value })}
            />
            <input
              type="color"
              aria-label={`Colour of class ${index}`}
              value={cls.color}
              onInput={(event) => update(index, { color: event.currentTarget.value })}
            />
            {index > 1 ? (
              <button
                type="button"
                class="link-button"
                aria-label={`Remove class ${index} (${cls.name})`}
                onClick={() => onChange(classes.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange([...classes, { name: `class ${classes.length}`, color: "#9467bd" }])
        }
      >
        Add class
      </button>
    </fieldset>
  );
}
