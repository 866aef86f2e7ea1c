import {
  getKernel,
  type KernelBackend,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from "@tensorflow/tfjs-core";

/**
 * Runs other kernels of the same backend from inside a kernel and frees every
 * intermediate they produce, except the one handed back.
 *
 * Kernels work on TensorInfo, below the engine's tensor tracking, so nothing else
 * would free these intermediates; calling tf ops instead would register them as
 * tensors and record them on the gradient tape.
 */
export class KernelComposer {
  private readonly temporaries: TensorInfo[] = [];

  constructor(
    readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  run(kernelName: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = getKernel(kernelName, this.backendName);
    if (kernel == null) {
      throw new Error(
        `Kernel '${kernelName}' is not registered for backend '${this.backendName}'; ` +
          "the composed kernel that needs it cannot run.",
      );
    }
    const out = kernel.kernelFunc({ inputs, attrs, backend: this.backend });
    if (Array.isArray(out)) {
      throw new Error(`Kernel '${kernelName}' returned several outputs; expected one.`);
    }
    this.temporaries.push(out);
    return out;
  }

  /** Takes ownership of a tensor made outside `run`, so that it is freed with the rest. */
  track(t: TensorInfo): TensorInfo {
    this.temporaries.push(t);
    return t;
  }

  /** A view with another shape over the same data (no copy), freed with the rest. */
  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    this.backend.incRef(x.dataId);
    const view: TensorInfo = { dataId: x.dataId, shape, dtype: x.dtype };
    this.temporaries.push(view);
    return view;
  }

  /** Frees every intermediate except `result`, which the caller now owns. */
  finish(result: TensorInfo): TensorInfo {
    let kept = false;
    for (const t of this.temporaries) {
      if (!kept && t === result) {
        kept = true;
        continue;
      }
      this.backend.disposeData(t.dataId);
    }
    this.temporaries.length = 0;
    if (!kept) {
      // The result was an input of the kernel: the caller's output must hold its own reference.
      this.backend.incRef(result.dataId);
    }
    return result;
  }

  /** Frees everything; for the error path. */
  abandon(): void {
    for (const t of this.temporaries) this.backend.disposeData(t.dataId);
    this.temporaries.length = 0;
  }
}

/** Runs `body` with a composer and returns its result with all intermediates freed. */
export function compose(
  backend: KernelBackend,
  backendName: string,
  body: (k: KernelComposer) => TensorInfo,
): TensorInfo {
  const composer = new KernelComposer(backend, backendName);
  let result: TensorInfo;
  try {
    result = body(composer);
  } catch (error) {
    composer.abandon();
    throw error;
  }
  return composer.finish(result);
}
