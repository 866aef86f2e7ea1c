import * as tfl from "@tensorflow/tfjs-layers";

export interface AttentionGateOptions {
  /** Channels F_int of the joint feature space; Oktay et al. use half the skip's channels. */
  interFilters: number;
  /** Channels of the skip connection x, kept by the output projection. */
  skipFilters: number;
  /** Layer-name prefix, unique in the model. */
  name: string;
}

/**
 * The additive attention gate of Oktay et al. (2018), on a skip connection x (H × W) gated by
 * the coarser decoder feature g (H/2 × W/2):
 *
 *   q = ψᵀ ReLU(W_x x ↓2 + W_g g + b_g) + b_ψ,   α = upsample₂(sigmoid(q)),   out = W (α ⊙ x)
 *
 * W_x is a 2×2 stride-2 conv without bias (x is brought down to g's grid, as in the paper's
 * code), W_g and ψ are 1×1 convs with bias, α is upsampled bilinearly and broadcast over x's
 * channels, and W is a 1×1 conv with bias (the paper follows it with batch norm; this U-Net has
 * none). Parameters: 4·F_x·F_int + (F_g + 1)·F_int + F_int + 1 + (F_x + 1)·F_x.
 */
export function attentionGate(
  x: tfl.SymbolicTensor,
  g: tfl.SymbolicTensor,
  options: AttentionGateOptions,
): tfl.SymbolicTensor {
  const { interFilters, skipFilters, name } = options;
  const apply = (layer: tfl.layers.Layer, input: tfl.SymbolicTensor | tfl.SymbolicTensor[]) =>
    layer.apply(input) as tfl.SymbolicTensor;
  const theta = apply(
    tfl.layers.conv2d({
      filters: interFilters,
      kernelSize: 2,
      strides: 2,
      useBias: false,
      name: `${name}_theta_x`,
    }),
    x,
  );
  const phi = apply(
    tfl.layers.conv2d({ filters: interFilters, kernelSize: 1, name: `${name}_phi_g` }),
    g,
  );
  const joint = apply(
    tfl.layers.activation({ activation: "relu", name: `${name}_relu` }),
    apply(tfl.layers.add({ name: `${name}_add` }), [theta, phi]),
  );
  const coefficients = apply(
    tfl.layers.conv2d({ filters: 1, kernelSize: 1, activation: "sigmoid", name: `${name}_psi` }),
    joint,
  );
  const alpha = apply(
    tfl.layers.upSampling2d({ size: [2, 2], interpolation: "bilinear", name: `${name}_alpha` }),
    coefficients,
  );
  const gated = apply(tfl.layers.multiply({ name: `${name}_gated` }), [x, alpha]);
  return apply(
    tfl.layers.conv2d({ filters: skipFilters, kernelSize: 1, name: `${name}_w` }),
    gated,
  );
}
