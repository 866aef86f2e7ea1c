import { classCssColor, type StudyClass } from "../labeling/class-palette.ts";

interface ClassLegendProps {
  classes: readonly StudyClass[];
  active: number;
  onChoose: (index: number) => void;
}

/** The study's classes as radio buttons: colour, name and number key; background is the eraser. */
export function ClassLegend({ classes, active, onChoose }: ClassLegendProps) {
  return (
    <fieldset class="panel class-legend">
      <legend>Class</legend>
      {classes
        .filter((cls) => cls.index > 0)
        .map((cls) => (
          <label
            key={cls.index}
            class={cls.index === active ? "legend-item active" : "legend-item"}
          >
            <input
              type="radio"
              name="label-class"
              value={cls.index}
              checked={cls.index === active}
              onChange={() => onChoose(cls.index)}
            />
            <span class="swatch" style={{ background: classCssColor(cls) }} aria-hidden="true" />
            <span class="legend-name">{cls.name}</span>
            <kbd aria-label={`shortcut ${cls.index}`}>{cls.index}</kbd>
          </label>
        ))}
    </fieldset>
  );
}
