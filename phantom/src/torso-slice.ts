import type { CardiacPhantomParams } from "./cardiac-phantom-params.ts";

interface Ellipse {
  /** centre, mm from the image centre */
  x: number;
  y: number;
  /** semi-axes in mm */
  a: number;
  b: number;
}

/**
 * Paints the tissue around the heart for one slice (z: 0 base, 1 apex): air outside the body,
 * subcutaneous fat under the skin, chest-wall muscle, dark lungs that give way to the liver
 * toward the apex, the spine and the descending aorta. All of it is label 0; it exists so that
 * raters and networks must find the heart in a realistic scene, and so that the air around the
 * body gives a zero-signal region in which the noise is pure Rician.
 */
export function paintTorsoSlice(p: CardiacPhantomParams, z: number, ideal: Float32Array): void {
  const { width, height } = p;
  const mm = p.pixelSpacingMm;
  const tone = p.intensities;
  const bodyY = 8;
  const body: Ellipse = { x: 0, y: bodyY, a: p.bodyHalfWidthMm, b: p.bodyHalfDepthMm };
  const lungScale = 1 - 0.3 * z;
  // image left is the patient's right
  const rightLung: Ellipse = {
    x: -0.47 * body.a,
    y: -15,
    a: 0.3 * body.a * lungScale,
    b: 0.55 * body.b * lungScale,
  };
  const leftLung: Ellipse = {
    x: 0.47 * body.a,
    y: -20,
    a: 0.3 * body.a * lungScale,
    b: 0.52 * body.b * lungScale,
  };
  const liverScale = 0.5 + 0.7 * z;
  const liver: Ellipse = {
    x: -0.3 * body.a,
    y: bodyY + 0.5 * body.b,
    a: 0.45 * body.a * liverScale,
    b: 0.4 * body.b * liverScale,
  };
  const spine: Ellipse = { x: -5, y: bodyY + body.b - 35, a: 16, b: 16 };
  const aorta: Ellipse = { x: spine.x + 26, y: spine.y - 16, a: 11, b: 11 };
  const fatDepth = 12 / Math.min(body.a, body.b);
  const muscleDepth = 22 / Math.min(body.a, body.b);

  for (let y = 0; y < height; y++) {
    const ymm = (y + 0.5 - height / 2) * mm;
    for (let x = 0; x < width; x++) {
      const xmm = (x + 0.5 - width / 2) * mm;
      const q = Math.sqrt(ellipseRadiusSquared(body, xmm, ymm));
      if (q >= 1) continue;
      let value: number;
      if (q > 1 - fatDepth) value = tone.subcutaneousFat;
      else if (q > 1 - fatDepth - muscleDepth) value = tone.muscle;
      else if (ellipseRadiusSquared(aorta, xmm, ymm) < 1) value = tone.aorta;
      else if (ellipseRadiusSquared(spine, xmm, ymm) < 1) value = tone.spine;
      else if (ellipseRadiusSquared(liver, xmm, ymm) < 1) value = tone.liver;
      else if (ellipseRadiusSquared(leftLung, xmm, ymm) < 1) value = tone.lung;
      else if (ellipseRadiusSquared(rightLung, xmm, ymm) < 1) value = tone.lung;
      else value = tone.muscle;
      ideal[y * width + x] = value;
    }
  }
}

/** Squared normalised elliptical radius: < 1 inside. */
function ellipseRadiusSquared(e: Ellipse, x: number, y: number): number {
  const u = (x - e.x) / e.a;
  const v = (y - e.y) / e.b;
  return u * u + v * v;
}
