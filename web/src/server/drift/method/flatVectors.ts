// Row-major matrices in one typed array: the clustering and permutation loops run over
// contiguous memory instead of an array of small arrays.

export interface FlatVectors {
  /** rows x dimensions values, row after row. */
  readonly data: Float32Array | Float64Array;
  readonly rows: number;
  readonly dimensions: number;
}

/**
 * The vectors scaled to unit length, in one Float32Array (the precision embeddings come in),
 * with the rows that were all zeros marked: cosine is undefined for them, so the detector
 * gives them a bin of their own instead of a cluster.
 */
export function normalisedRows(vectors: readonly Float32Array[], dimensions: number): { matrix: FlatVectors; zero: Uint8Array } {
  const data = new Float32Array(vectors.length * dimensions);
  const zero = new Uint8Array(vectors.length);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimensions) throw new RangeError(`vector ${row} has ${vector.length} dimensions, expected ${dimensions}`);
    let squares = 0;
    for (const value of vector) squares += value * value;
    if (squares === 0 || !Number.isFinite(squares)) {
      zero[row] = 1;
      return;
    }
    const scale = 1 / Math.sqrt(squares);
    const offset = row * dimensions;
    for (let j = 0; j < dimensions; j++) data[offset + j] = (vector[j] ?? 0) * scale;
  });
  return { matrix: { data, rows: vectors.length, dimensions }, zero };
}

/** The listed rows of `matrix`, in that order, as a new matrix. */
export function selectRows(matrix: FlatVectors, rows: ArrayLike<number>): FlatVectors {
  const { dimensions } = matrix;
  const data = new Float32Array(rows.length * dimensions);
  for (let i = 0; i < rows.length; i++) {
    const from = (rows[i] ?? 0) * dimensions;
    data.set(matrix.data.subarray(from, from + dimensions), i * dimensions);
  }
  return { data, rows: rows.length, dimensions };
}

/**
 * For every row, the index of the centroid with the largest dot product (cosine, for unit
 * rows and centroids) and that dot product.
 */
export function nearestCentroids(
  matrix: FlatVectors,
  centroids: Float64Array,
  clusterCount: number,
): { nearest: Int32Array; similarity: Float64Array } {
  const { data, rows, dimensions } = matrix;
  const nearest = new Int32Array(rows);
  const similarity = new Float64Array(rows);
  const consider = (row: number, cluster: number, dot: number): void => {
    if (dot > (similarity[row] ?? 0)) {
      similarity[row] = dot;
      nearest[row] = cluster;
    }
  };
  similarity.fill(-Infinity);
  for (let row = 0; row < rows; row++) {
    const offset = row * dimensions;
    let cluster = 0;
    // Four centroids per pass over the row: the row is read once for four dot products.
    for (; cluster + 3 < clusterCount; cluster += 4) {
      const a = cluster * dimensions;
      const b = a + dimensions;
      const c = b + dimensions;
      const d = c + dimensions;
      let dotA = 0;
      let dotB = 0;
      let dotC = 0;
      let dotD = 0;
      for (let j = 0; j < dimensions; j++) {
        const value = data[offset + j] ?? 0;
        dotA += value * (centroids[a + j] ?? 0);
        dotB += value * (centroids[b + j] ?? 0);
        dotC += value * (centroids[c + j] ?? 0);
        dotD += value * (centroids[d + j] ?? 0);
      }
      consider(row, cluster, dotA);
      consider(row, cluster + 1, dotB);
      consider(row, cluster + 2, dotC);
      consider(row, cluster + 3, dotD);
    }
    for (; cluster < clusterCount; cluster++) {
      const centroidOffset = cluster * dimensions;
      let dot = 0;
      for (let j = 0; j < dimensions; j++) dot += (data[offset + j] ?? 0) * (centroids[centroidOffset + j] ?? 0);
      consider(row, cluster, dot);
    }
  }
  return { nearest, similarity };
}
