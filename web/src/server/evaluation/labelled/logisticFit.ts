/** A fitted one-variable logistic curve: p = 1 / (1 + exp(-(intercept + slope * x))). */
export interface Logistic {
  intercept: number;
  slope: number;
}

export const logistic = (curve: Logistic, x: number): number => 1 / (1 + Math.exp(-(curve.intercept + curve.slope * x)));

/** Maximum-likelihood logistic regression of a label on one score, by Newton-Raphson. */
export const fitLogistic = (points: readonly { x: number; positive: boolean }[], iterations = 50): Logistic => {
  let curve: Logistic = { intercept: 0, slope: 0 };
  for (let step = 0; step < iterations; step++) {
    // Gradient g and Hessian H of the log-likelihood in (intercept, slope).
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (const { x, positive } of points) {
      const p = logistic(curve, x);
      const residual = (positive ? 1 : 0) - p;
      const w = p * (1 - p);
      g0 += residual;
      g1 += residual * x;
      h00 += w;
      h01 += w * x;
      h11 += w * x * x;
    }
    const determinant = h00 * h11 - h01 * h01;
    if (determinant <= 0) break;
    const next = {
      intercept: curve.intercept + (h11 * g0 - h01 * g1) / determinant,
      slope: curve.slope + (h00 * g1 - h01 * g0) / determinant,
    };
    const moved = Math.abs(next.intercept - curve.intercept) + Math.abs(next.slope - curve.slope);
    curve = next;
    if (moved < 1e-12) break;
  }
  return curve;
};
