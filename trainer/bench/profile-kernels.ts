import * as tf from "@tensorflow/tfjs-core";

interface Entry {
  ms: number;
  calls: number;
}

/**
 * Runs `step` once with every kernel of the active backend wrapped in a timer and
 * returns report lines: time per kernel name, kernels called from inside other kernels
 * (the project's composed kernels) listed as "inner", then the costliest calls by shape.
 * tf.profile cannot see inside a composed kernel, which is where the questions are.
 */
export function profileKernels(step: () => unknown, top = 12): string[] {
  const backendName = tf.getBackend();
  const byName = new Map<string, Entry>();
  const byCall = new Map<string, Entry>();
  const restore: (() => void)[] = [];
  let depth = 0;
  for (const config of tf.getKernelsForBackend(backendName)) {
    const original = config.kernelFunc;
    const mutable = config as { kernelFunc: tf.KernelFunc };
    mutable.kernelFunc = (args) => {
      const inner = depth > 0;
      depth++;
      const start = performance.now();
      try {
        return original(args);
      } finally {
        const ms = performance.now() - start;
        depth--;
        const name = `${inner ? "inner " : ""}${config.kernelName}`;
        const shapes = Object.values(args.inputs)
          .map((t) => `[${(t as tf.TensorInfo | undefined)?.shape ?? ""}]`)
          .join(" ");
        for (const [map, key] of [
          [byName, name],
          [byCall, `${name} ${shapes}`],
        ] as const) {
          const entry = map.get(key) ?? { ms: 0, calls: 0 };
          entry.ms += ms;
          entry.calls++;
          map.set(key, entry);
        }
      }
    };
    restore.push(() => {
      mutable.kernelFunc = original;
    });
  }
  const start = performance.now();
  try {
    step();
  } finally {
    for (const undo of restore) undo();
  }
  const total = performance.now() - start;
  const outer = [...byName]
    .filter(([k]) => !k.startsWith("inner "))
    .reduce((s, [, e]) => s + e.ms, 0);
  const format = ([key, e]: [string, Entry]) =>
    `${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(4)} calls  ${key}`;
  const sorted = (m: Map<string, Entry>) => [...m].sort((a, b) => b[1].ms - a[1].ms);
  return [
    `step ${total.toFixed(0)} ms, of which ${outer.toFixed(0)} ms inside kernels:`,
    ...sorted(byName)
      .slice(0, top * 2)
      .map(format),
    "costliest calls:",
    ...sorted(byCall).slice(0, top).map(format),
  ];
}
