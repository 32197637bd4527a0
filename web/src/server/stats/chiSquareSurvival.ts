// The chi-square survival function P(X >= x), shared by drift's G-test and the releases'
// sample-ratio-mismatch check: the regularised upper incomplete
// gamma Q(df/2, x/2), by its series below a + 1 and Lentz's continued fraction above
// (Numerical Recipes 6.2), with a Lanczos log-gamma. Accurate to ~1e-14 relative, which the
// tiny p-values of a real drift need (an absolute 1e-9 would call every one of them 0).

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_STEPS = 10_000;

/** P(a, x), the regularised lower incomplete gamma, by its power series (converges fast for x < a + 1). */
const lowerGammaSeries = (a: number, x: number): number => {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_STEPS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
};

/** Q(a, x), the regularised upper incomplete gamma, by its continued fraction (x >= a + 1). */
const upperGammaFraction = (a: number, x: number): number => {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_STEPS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
};

/** P(X >= x) for X ~ chi-square with `degreesOfFreedom` (> 0): scipy.stats.chi2.sf. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`degrees of freedom must be positive, got ${degreesOfFreedom}`);
  if (x <= 0) return 1;
  const a = degreesOfFreedom / 2;
  const half = x / 2;
  return half < a + 1 ? 1 - lowerGammaSeries(a, half) : upperGammaFraction(a, half);
}
