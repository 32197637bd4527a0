import type { ScoreConfig, ScoreConfigInput, ScoreInput } from "@/contracts/scores";
import { BadRequestError } from "@/server/errors";
import type { Queryable } from "@/server/db/client";
import { builtinScoreConfig, builtinScoreConfigs } from "@/server/scores/builtinScoreConfigs";

interface ScoreConfigRow {
  name: string;
  dataType: ScoreConfig["dataType"];
  minValue: number | null;
  maxValue: number | null;
  categories: string[];
  higherIsBetter: boolean;
  reviewThreshold: number | null;
  description: string | null;
}

const toConfig = (row: ScoreConfigRow): ScoreConfig => ({
  name: row.name,
  dataType: row.dataType,
  minValue: row.minValue,
  maxValue: row.maxValue,
  categories: row.categories,
  higherIsBetter: row.higherIsBetter,
  reviewThreshold: row.reviewThreshold,
  description: row.description,
});

/** The project's configs for these names: its own rows first, then the built-in ones. */
export async function scoreConfigsByName(
  database: Queryable,
  projectId: string,
  names: readonly string[],
): Promise<Map<string, ScoreConfig>> {
  const rows = await database.scoreConfig.findMany({ where: { projectId, name: { in: [...new Set(names)] } } });
  const configs = new Map(rows.map((row) => [row.name, toConfig(row)]));
  for (const name of names) {
    const builtin = builtinScoreConfig(name);
    if (builtin && !configs.has(name)) configs.set(name, builtin);
  }
  return configs;
}

/** Every config the project has, built-in ones included. */
export async function listScoreConfigs(database: Queryable, projectId: string): Promise<ScoreConfig[]> {
  const rows = await database.scoreConfig.findMany({ where: { projectId } });
  const configs = new Map(builtinScoreConfigs.map((config) => [config.name, config]));
  for (const row of rows) configs.set(row.name, toConfig(row));
  return [...configs.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The config a first score of a new name fixes: its type, without a range. */
export function inferredScoreConfig(score: Pick<ScoreInput, "name" | "value" | "category">): ScoreConfig {
  return unboundedScoreConfig(
    score.name,
    score.category !== undefined ? "categorical" : typeof score.value === "boolean" ? "boolean" : "numeric",
  );
}

/** A name's type alone: no range, no categories, no threshold. */
export function unboundedScoreConfig(name: string, dataType: ScoreConfig["dataType"]): ScoreConfig {
  return {
    name,
    dataType,
    minValue: null,
    maxValue: null,
    categories: [],
    higherIsBetter: true,
    reviewThreshold: null,
    description: null,
  };
}

export interface CheckedScoreValue {
  dataType: ScoreConfig["dataType"];
  /** Booleans as 0 or 1. */
  value: number | null;
  category: string | null;
}

/**
 * The score as stored, or why its config refuses it. Out of range is refused, never
 * clamped: a judge answering 9.2e124 on a 0..1 scale has failed, and must look failed.
 */
export function checkScoreValue(config: ScoreConfig, score: Pick<ScoreInput, "value" | "category">): CheckedScoreValue | string {
  const { value, category } = score;
  switch (config.dataType) {
    case "boolean":
      if (typeof value === "boolean") return { dataType: "boolean", value: value ? 1 : 0, category: null };
      if (value === 0 || value === 1) return { dataType: "boolean", value, category: null };
      return `${config.name} is a boolean score: send true or false`;
    case "categorical":
      if (category === undefined) return `${config.name} is a categorical score: send a category`;
      if (config.categories.length > 0 && !config.categories.includes(category)) {
        return `${config.name} takes one of ${config.categories.join(", ")}; got "${category}"`;
      }
      return { dataType: "categorical", value: null, category };
    case "numeric": {
      if (typeof value !== "number") return `${config.name} is a numeric score: send a number`;
      if (!Number.isFinite(value)) return `${config.name} must be a finite number`;
      if ((config.minValue !== null && value < config.minValue) || (config.maxValue !== null && value > config.maxValue)) {
        return `${config.name} must be between ${config.minValue ?? "-∞"} and ${config.maxValue ?? "∞"}; got ${value}`;
      }
      return { dataType: "numeric", value, category: null };
    }
  }
}

/**
 * Creates or changes a score config. Built-in names keep the type and range their
 * evaluators produce; a project may change their direction, threshold and description.
 */
export async function saveScoreConfig(database: Queryable, projectId: string, name: string, input: ScoreConfigInput): Promise<ScoreConfig> {
  const builtin = builtinScoreConfig(name);
  const config: ScoreConfig = {
    name,
    dataType: input.dataType,
    minValue: input.minValue ?? null,
    maxValue: input.maxValue ?? null,
    categories: input.categories ?? [],
    higherIsBetter: input.higherIsBetter ?? builtin?.higherIsBetter ?? true,
    reviewThreshold: input.reviewThreshold ?? null,
    description: input.description ?? builtin?.description ?? null,
  };
  if (builtin && (builtin.dataType !== config.dataType || builtin.minValue !== config.minValue || builtin.maxValue !== config.maxValue)) {
    throw new BadRequestError(
      `${name} is a built-in score: dataType ${builtin.dataType}${builtin.dataType === "numeric" ? `, minValue ${builtin.minValue}, maxValue ${builtin.maxValue}` : ""} are fixed`,
    );
  }
  const existing = await database.scoreConfig.findUnique({ where: { projectId_name: { projectId, name } }, select: { dataType: true } });
  if (existing && existing.dataType !== config.dataType) {
    const stored = await database.score.count({ where: { projectId, name }, take: 1 });
    if (stored > 0) throw new BadRequestError(`${name} already has ${existing.dataType} scores: its dataType cannot change`);
  }
  const row = await database.scoreConfig.upsert({
    where: { projectId_name: { projectId, name } },
    create: { projectId, ...config },
    update: config,
  });
  return toConfig(row);
}
