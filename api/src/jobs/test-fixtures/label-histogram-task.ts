/**
 * A pure task for the job tests: per-class pixel counts over decoded label maps, with progress.
 * It runs on a worker thread, so the tests also prove typed arrays and progress cross threads.
 */
export function labelHistogramTask(
  input: { maps: Uint8Array[]; numClasses: number; failWith?: string },
  report: (progress: { fraction: number; message: string }) => void,
  emit: (event: { map: number; pixels: number }) => void,
): number[] {
  if (input.failWith) throw new Error(input.failWith);
  const histogram = new Array<number>(input.numClasses).fill(0);
  input.maps.forEach((map, index) => {
    for (const value of map) histogram[value] = (histogram[value] ?? 0) + 1;
    report({ fraction: (index + 1) / input.maps.length, message: `map ${index + 1}` });
    emit({ map: index, pixels: map.length });
  });
  return histogram;
}
