import type { DriftBaselineInput, DriftRunRequest } from "@/contracts/drift";

/** The New baseline dialog's choices as the form holds them (times as UTC datetime-local values). */
export interface BaselineFormValues {
  name: string;
  source: "dataset" | "traffic";
  dataset: string;
  /** "latest" or a version number as text. */
  version: string;
  from: string;
  to: string;
  field: "input" | "output";
  embedder: string;
}

/** The request body a baseline form sends: only the fields of the chosen source, so the API judges what the person chose. */
export type BaselineRequestBody = Pick<DriftBaselineInput, "name" | "field" | "embedder"> &
  Partial<Pick<DriftBaselineInput, "dataset" | "version" | "from" | "to">>;

/** A `datetime-local` value read as UTC (the console's times are UTC); blank stays blank so the API names the missing field. */
export function utcInputToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value.trim() === "" ? undefined : value;
  return new Date(`${value.length === 16 ? `${value}:00` : value}Z`).toISOString();
}

/** A time as a UTC `datetime-local` value ("2026-11-27T14:00"). */
export function isoToUtcInput(date: Date): string {
  return date.toISOString().slice(0, 16);
}

export function baselineRequest(values: BaselineFormValues): BaselineRequestBody {
  const common = { name: values.name.trim(), field: values.field, embedder: values.embedder };
  if (values.source === "dataset")
    return { ...common, dataset: values.dataset, version: values.version === "latest" ? "latest" : Number(values.version) };
  const from = utcInputToIso(values.from);
  const to = utcInputToIso(values.to);
  return { ...common, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** The Run now body: the baseline by id (a name can be renamed in between) and the window in UTC. */
export function runRequest(baselineId: string, from: string, to: string): Partial<DriftRunRequest> {
  const fromIso = utcInputToIso(from);
  const toIso = utcInputToIso(to);
  return { baseline: baselineId, ...(fromIso === undefined ? {} : { from: fromIso }), ...(toIso === undefined ? {} : { to: toIso }) };
}

/** The last whole UTC hour before `now`: what "Run now" offers to judge first. */
export function lastWholeHour(now: Date): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return { from: new Date(to.getTime() - 3_600_000), to };
}
