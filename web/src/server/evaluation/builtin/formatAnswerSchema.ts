import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * The project's declared JSON schema for answers (draft 2020-12), compiled with Ajv. Ajv keeps
 * every schema it compiles, so each distinct schema gets its own Ajv instance in a small bounded
 * cache: a project's schema is compiled once, not once per trace, and schemas that a project
 * replaced are dropped instead of piling up.
 */
function newAjv(): Ajv2020 {
  // allErrors off: the explanation shows the first error. strictSchema: an unknown keyword ("tpye")
  // is a mistake, reported when the schema is saved rather than silently ignored. The other strict
  // checks reject or log schemas that are valid JSON Schema (a "required" without "properties").
  const ajv = new Ajv2020({
    allErrors: false,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: true,
  });
  addFormats(ajv);
  return ajv;
}

const cacheSize = 32;
const compiled = new Map<string, ValidateFunction | string>();

/** The validator for a schema, or the reason the schema itself is invalid. */
export function compileAnswerJsonSchema(schema: unknown): ValidateFunction | string {
  if (typeof schema !== "boolean" && (typeof schema !== "object" || schema === null || Array.isArray(schema))) {
    return "the answer schema must be a JSON Schema object (or true/false)";
  }
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  const result = compileFresh(schema);
  if (compiled.size >= cacheSize) compiled.delete(compiled.keys().next().value ?? "");
  compiled.set(key, result);
  return result;
}

function compileFresh(schema: boolean | object): ValidateFunction | string {
  const declared = typeof schema === "object" && "$schema" in schema ? schema.$schema : undefined;
  if (declared !== undefined && declared !== "https://json-schema.org/draft/2020-12/schema") {
    return `the answer schema declares $schema ${JSON.stringify(declared)}; only draft 2020-12 is supported`;
  }
  const ajv = newAjv();
  try {
    // validateSchema throws on a $schema it does not know (only draft 2020-12 is loaded).
    if (!ajv.validateSchema(schema)) return `the answer schema is not valid JSON Schema: ${describeError(ajv.errors?.[0], "schema")}`;
    return ajv.compile(schema);
  } catch (error) {
    return `the answer schema cannot be used: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The problem with a declared answer schema, or null when it can be used; for configuration checks. */
export function checkAnswerJsonSchema(schema: unknown): string | null {
  const result = compileAnswerJsonSchema(schema);
  return typeof result === "string" ? result : null;
}

/** A JSON Pointer ("/items/0/name") as a JSONPath ("$.items[0].name") that people read more easily. */
export function pointerToPath(pointer: string, root = "$"): string {
  if (pointer === "") return root;
  return (
    root +
    pointer
      .slice(1)
      .split("/")
      .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
      .map((token) => (/^\d+$/.test(token) ? `[${token}]` : /^[A-Za-z_$][\w$]*$/.test(token) ? `.${token}` : `[${JSON.stringify(token)}]`))
      .join("")
  );
}

/** One Ajv error in words: where, and what is wrong (naming a missing or unexpected property). */
export function describeError(error: ErrorObject | undefined, root = "$"): string {
  if (!error) return "unknown error";
  let path = pointerToPath(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string")
    path = pointerToPath(`${error.instancePath}/${params.missingProperty}`, root);
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `${pointerToPath(`${error.instancePath}/${params.additionalProperty}`, root)}: property not allowed`;
  }
  if (error.keyword === "required") return `${path}: required property missing`;
  return `${path}: ${error.message ?? error.keyword}`;
}
