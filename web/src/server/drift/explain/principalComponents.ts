// Principal components of a few thousand rows of a few hundred dimensions, fast enough for
// the drift map: a randomized range finder with power iterations (Halko, Martinsson and
// Tropp 2011, algorithm 4.4) finds the subspace of the leading components, and an exact
// eigen-decomposition of the small covariance inside that subspace orders them.

/** Row-major rows x columns values. */
export interface Matrix {
  rows: number;
  columns: number;
  values: Float64Array;
}

const OVERSAMPLING = 10;

/** Gram-Schmidt (twice, for stability) on the `count` vectors of length `size` stored one after the other. */
const orthonormalise = (vectors: Float64Array, count: number, size: number): void => {
  for (let a = 0; a < count; a++) {
    const aStart = a * size;
    for (let pass = 0; pass < 2; pass++)
      for (let b = 0; b < a; b++) {
        const bStart = b * size;
        let dot = 0;
        for (let j = 0; j < size; j++) dot += (vectors[aStart + j] ?? 0) * (vectors[bStart + j] ?? 0);
        for (let j = 0; j < size; j++) vectors[aStart + j] = (vectors[aStart + j] ?? 0) - dot * (vectors[bStart + j] ?? 0);
      }
    let norm = 0;
    for (let j = 0; j < size; j++) norm += (vectors[aStart + j] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    // A direction the data lacks (rank below `count`) stays zero rather than amplifying rounding noise.
    for (let j = 0; j < size; j++) vectors[aStart + j] = norm > 1e-12 ? (vectors[aStart + j] ?? 0) / norm : 0;
  }
};

/** Scores: X (n x d) times the `count` basis vectors of length d -> n x count. */
const project = (data: Matrix, basis: Float64Array, count: number): Float64Array => {
  const { rows, columns, values } = data;
  const scores = new Float64Array(rows * count);
  for (let i = 0; i < rows; i++) {
    const row = i * columns;
    for (let c = 0; c < count; c++) {
      const vector = c * columns;
      let sum = 0;
      for (let j = 0; j < columns; j++) sum += (values[row + j] ?? 0) * (basis[vector + j] ?? 0);
      scores[i * count + c] = sum;
    }
  }
  return scores;
};

/** X^T (d x n) times scores (n x count) -> count basis vectors of length d. */
const projectBack = (data: Matrix, scores: Float64Array, count: number): Float64Array => {
  const { rows, columns, values } = data;
  const basis = new Float64Array(count * columns);
  for (let i = 0; i < rows; i++) {
    const row = i * columns;
    for (let c = 0; c < count; c++) {
      const weight = scores[i * count + c] ?? 0;
      if (weight === 0) continue;
      const vector = c * columns;
      for (let j = 0; j < columns; j++) basis[vector + j] = (basis[vector + j] ?? 0) + weight * (values[row + j] ?? 0);
    }
  }
  return basis;
};

/** Eigenvalues and eigenvectors (columns of a size x size matrix) of a symmetric matrix, by cyclic Jacobi rotations. */
export const symmetricEigen = (input: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } => {
  const a = Float64Array.from(input);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  const at = (row: number, column: number): number => a[row * size + column] ?? 0;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += at(p, q) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < size; p++)
      for (let q = p + 1; q < size; q++) {
        const apq = at(p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p] ?? 0;
          const vkq = v[k * size + q] ?? 0;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from({ length: size }, (_, i) => at(i, i)), vectors: v };
};

/**
 * Scores of the rows on their first `components` principal components (columns centred),
 * largest variance first: rows x components. Exact when components + 10 >= columns;
 * otherwise `iterations` power iterations make the leading components accurate.
 */
export const principalComponents = (
  data: Matrix,
  components: number,
  random: () => number,
  { iterations = 2 }: { iterations?: number } = {},
): Matrix => {
  const { rows, columns } = data;
  const kept = Math.max(0, Math.min(components, columns, rows));
  const width = Math.min(columns, kept + OVERSAMPLING);
  const means = new Float64Array(columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) means[j] = (means[j] ?? 0) + (data.values[i * columns + j] ?? 0) / rows;
  const centred: Matrix = { rows, columns, values: data.values.map((value, index) => value - (means[index % columns] ?? 0)) };

  let basis: Float64Array;
  if (width === columns) {
    basis = new Float64Array(columns * columns);
    for (let j = 0; j < columns; j++) basis[j * columns + j] = 1;
  } else {
    basis = Float64Array.from({ length: width * columns }, () => random() - 0.5);
    orthonormalise(basis, width, columns);
    for (let pass = 0; pass < iterations; pass++) {
      basis = projectBack(centred, project(centred, basis, width), width);
      orthonormalise(basis, width, columns);
    }
  }
  const scores = project(centred, basis, width);
  // Covariance of the scores inside the subspace; its eigenvectors rotate them onto the components.
  const covariance = new Float64Array(width * width);
  for (let i = 0; i < rows; i++)
    for (let p = 0; p < width; p++) {
      const sp = scores[i * width + p] ?? 0;
      for (let q = p; q < width; q++) covariance[p * width + q] = (covariance[p * width + q] ?? 0) + sp * (scores[i * width + q] ?? 0);
    }
  for (let p = 0; p < width; p++) for (let q = 0; q < p; q++) covariance[p * width + q] = covariance[q * width + p] ?? 0;
  const { values, vectors } = symmetricEigen(covariance, width);
  const order = Array.from({ length: width }, (_, index) => index)
    .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0))
    .slice(0, kept);
  const result = new Float64Array(rows * kept);
  for (let i = 0; i < rows; i++)
    order.forEach((eigen, c) => {
      let sum = 0;
      for (let p = 0; p < width; p++) sum += (scores[i * width + p] ?? 0) * (vectors[p * width + eigen] ?? 0);
      result[i * kept + c] = sum;
    });
  return { rows, columns: kept, values: result };
};
