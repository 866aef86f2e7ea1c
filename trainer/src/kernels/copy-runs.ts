/**
 * Copies `length` elements between typed arrays. Concat and split along the channel
 * axis move runs of 16-64 values; for those an element loop is several times faster than
 * TypedArray.set on subarrays (each subarray is an allocation), for long runs set wins.
 */
export function copyRun(
  from: ArrayLike<number>,
  fromAt: number,
  to: { [i: number]: number; set(a: ArrayLike<number>, at: number): void },
  toAt: number,
  length: number,
): void {
  if (length >= 256 && "subarray" in from) {
    to.set((from as Float32Array).subarray(fromAt, fromAt + length), toAt);
    return;
  }
  for (let i = 0; i < length; i++) to[toAt + i] = from[fromAt + i]!;
}
