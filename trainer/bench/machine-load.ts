import { readFileSync } from "node:fs";

/**
 * CPU seconds spent by the whole machine (all processes, all cores) since boot, from
 * /proc/stat; null where that file does not exist. Benchmarks subtract their own CPU
 * time to tell how busy other processes kept the cores while they measured.
 */
export function machineBusySeconds(): number | null {
  let line: string | undefined;
  try {
    line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  } catch {
    return null;
  }
  const fields = line?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user, nice, system, , , irq, softirq, steal] = fields;
  if (steal === undefined) return null;
  return (user! + nice! + system! + irq! + softirq! + steal) / 100;
}

/**
 * Runs `body` and returns its result with the average number of cores other processes
 * kept busy meanwhile; `helperCpuSeconds` reports the CPU time used so far by this
 * benchmark's own child processes, which are not "others".
 */
export async function withMachineLoad<T>(
  body: () => Promise<T>,
  helperCpuSeconds: () => number = () => 0,
): Promise<{ result: T; otherCores: number | null }> {
  const busy0 = machineBusySeconds();
  const helper0 = helperCpuSeconds();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = await body();
  const wall = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const busy1 = machineBusySeconds();
  if (busy0 == null || busy1 == null || wall <= 0) return { result, otherCores: null };
  const mine = (cpu.user + cpu.system) / 1e6 + helperCpuSeconds() - helper0;
  return { result, otherCores: Math.max(0, (busy1 - busy0 - mine) / wall) };
}
