/**
 * Label volumes of a cartoon short-axis heart with pixel counts known by hand: an LV cavity disc
 * (label 3), a myocardial ring around it (2) and an RV disc beside it (1), the same on every
 * slice. A disc of radius r holds the pixels with x² + y² ≤ r², the Gauss circle number N(r):
 * N(2) = 13, N(3) = 29, N(4) = 49, N(5) = 81, N(7) = 149.
 */
export const HEART_WIDTH = 24;
export const HEART_HEIGHT = 20;

export interface ConcentricHeart {
  lvRadius: number;
  myocardiumRadius: number;
  /** 0 for no RV. */
  rvRadius: number;
  slices: number;
}

const LV_CENTRE = [9, 9] as const;
const RV_CENTRE = [20, 9] as const;

export function concentricHeart(heart: ConcentricHeart): Uint8Array {
  const plane = HEART_WIDTH * HEART_HEIGHT;
  const out = new Uint8Array(plane * heart.slices);
  for (let z = 0; z < heart.slices; z++) {
    for (let y = 0; y < HEART_HEIGHT; y++) {
      for (let x = 0; x < HEART_WIDTH; x++) {
        const lv = (x - LV_CENTRE[0]) ** 2 + (y - LV_CENTRE[1]) ** 2;
        const rv = (x - RV_CENTRE[0]) ** 2 + (y - RV_CENTRE[1]) ** 2;
        const i = z * plane + y * HEART_WIDTH + x;
        if (lv <= heart.lvRadius ** 2) out[i] = 3;
        else if (lv <= heart.myocardiumRadius ** 2) out[i] = 2;
        else if (heart.rvRadius > 0 && rv <= heart.rvRadius ** 2) out[i] = 1;
      }
    }
  }
  return out;
}
