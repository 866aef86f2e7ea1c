import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./unet-torch.py", import.meta.url));

export interface TorchPeerOptions {
  size: number;
  batch: number;
  classes: number;
  base: number;
  warmup: number;
}

/**
 * The same U-Net in PyTorch on one thread, in a child process that runs one training
 * step whenever asked, so that the benchmark can alternate its own steps with PyTorch's
 * and both see the same load from other processes. Null where /usr/bin/python3 has no
 * torch.
 */
export class TorchPeer {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    private readonly reader: Interface,
    readonly version: string,
  ) {}

  static async start(options: TorchPeerOptions): Promise<TorchPeer | string> {
    if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
    const args = [
      SCRIPT,
      "--serve",
      "--size",
      String(options.size),
      "--batch",
      String(options.batch),
    ];
    args.push("--classes", String(options.classes), "--base", String(options.base));
    args.push("--warmup", String(options.warmup));
    const child = spawn(PYTHON, args, {
      env: { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const reader = createInterface({ input: child.stdout });
    const lines = reader[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) {
      const why = stderr.includes("No module named 'torch'")
        ? "torch is not installed for /usr/bin/python3"
        : (stderr.trim().split("\n").pop() ?? "the PyTorch peer exited");
      return why;
    }
    const header = JSON.parse(first.value) as { torch: string; ready: boolean };
    return new TorchPeer(child, lines, reader, header.torch);
  }

  /** CPU seconds the peer's steps have used, so load measurements can leave them out. */
  cpuSeconds = 0;

  /** Milliseconds of one training step. */
  async step(): Promise<number> {
    this.child.stdin.write("step\n");
    const line = await this.lines.next();
    if (line.done) throw new Error("The PyTorch peer exited during a step.");
    const { ms, cpuMs } = JSON.parse(line.value) as { ms: number; cpuMs: number };
    this.cpuSeconds += cpuMs / 1000;
    return ms;
  }

  close(): void {
    this.child.stdin.end("quit\n");
    this.reader.close();
  }
}
