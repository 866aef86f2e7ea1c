/** Class indices of the cardiac short-axis structures; defaults follow ACDC's label file. */
export interface CardiacClasses {
  background: number;
  rv: number;
  myocardium: number;
  lv: number;
}

export const ACDC_CLASSES: CardiacClasses = { background: 0, rv: 1, myocardium: 2, lv: 3 };
