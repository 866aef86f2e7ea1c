/**
 * Smooth multiplicative coil-sensitivity field for one slice: exp(strength * polynomial) with the
 * polynomial's terms x, y, xy, x^2 - 1/3, y^2 - 1/3 and z over coordinates scaled to [-1, 1].
 * Low order on purpose: real receive-coil bias varies over tens of centimetres, not pixels, and
 * the centred squares keep the field's mean near 1.
 */
export function biasFieldSlice(
  width: number,
  height: number,
  z: number,
  coefficients: readonly number[],
  strength: number,
): Float32Array {
  if (coefficients.length !== 6) {
    throw new RangeError(`biasFieldSlice: need 6 coefficients, got ${coefficients.length}`);
  }
  if (!(Number.isFinite(strength) && strength >= 0)) {
    throw new RangeError(`biasFieldSlice: strength must be >= 0, got ${strength}`);
  }
  const [cx, cy, cxy, cxx, cyy, cz] = coefficients as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zz = 2 * z - 1;
  const field = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const yy = ((y + 0.5) / height) * 2 - 1;
    for (let x = 0; x < width; x++) {
      const xx = ((x + 0.5) / width) * 2 - 1;
      const poly =
        cx * xx +
        cy * yy +
        cxy * xx * yy +
        cxx * (xx * xx - 1 / 3) +
        cyy * (yy * yy - 1 / 3) +
        cz * zz;
      field[y * width + x] = Math.exp(strength * poly);
    }
  }
  return field;
}
