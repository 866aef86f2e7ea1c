/** What a pointer does on the slice. The eraser is the brush painting background. */
export type LabelingTool = "brush" | "eraser" | "polygon" | "fill";

export const LABELING_TOOLS: readonly { tool: LabelingTool; label: string; key: string }[] = [
  { tool: "brush", label: "Brush", key: "b" },
  { tool: "eraser", label: "Eraser", key: "e" },
  { tool: "polygon", label: "Polygon", key: "p" },
  { tool: "fill", label: "Fill", key: "f" },
];
