/**
 * 2D connected components of the voxels where `mask` is nonzero in one width×height plane
 * starting at `offset`. Returns a component id per voxel of the plane (-1 outside the mask) and
 * each component's size. Iterative flood fill with an explicit stack: no recursion limit.
 */
export function connectedComponents2d(
  mask: Uint8Array,
  width: number,
  height: number,
  options: { offset?: number; connectivity?: 4 | 8 } = {},
): { ids: Int32Array; sizes: number[] } {
  const offset = options.offset ?? 0;
  const eight = (options.connectivity ?? 8) === 8;
  const n = width * height;
  const ids = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (!mask[offset + start] || ids[start] !== -1) continue;
    const id = sizes.length;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    ids[start] = id;
    while (top > 0) {
      const i = stack[--top]!;
      size++;
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          if (!eight && dx !== 0 && dy !== 0) continue;
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (ids[j] !== -1 || !mask[offset + j]) continue;
          ids[j] = id;
          stack[top++] = j;
        }
      }
    }
    sizes.push(size);
  }
  return { ids, sizes };
}
