// Random but structured embeddings for tests and the benchmark: points scattered around a
// few seeded topic directions, like prompts around the subjects an application serves.
import { seededRandom } from "../../stats/seededRandom";

export interface StructuredVectorsOptions {
  seed: number;
  /** Seed of the topic directions: two sets drawn with the same one share their topics. */
  topicSeed: number;
  topics: number;
  /** Weight of each topic (defaults to equal); a live set with other weights has drifted. */
  weights?: readonly number[];
  /** Spread around a topic, relative to the topic direction's length. */
  noise?: number;
}

const gaussian = (random: () => number): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** The topic directions `structuredVectors` scatters points around (not unit length). */
export function topicDirections(dimensions: number, topicSeed: number, topics: number): Float64Array[] {
  const random = seededRandom(topicSeed);
  return Array.from({ length: topics }, () => Float64Array.from({ length: dimensions }, () => gaussian(random)));
}

export function structuredVectors(
  count: number,
  dimensions: number,
  { seed, topicSeed, topics, weights, noise = 1.5 }: StructuredVectorsOptions,
): Float32Array[] {
  const directions = topicDirections(dimensions, topicSeed, topics);
  const shares = weights ?? new Array<number>(topics).fill(1);
  const total = shares.reduce((a, b) => a + b, 0);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let target = random() * total;
    let topic = 0;
    while (topic < topics - 1 && (target -= shares[topic] ?? 0) >= 0) topic++;
    const direction = directions[topic] ?? new Float64Array(dimensions);
    return Float32Array.from(direction, (value) => value + noise * gaussian(random));
  });
}
