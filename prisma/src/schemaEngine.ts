import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

type WasmBindings = typeof wasmGlue;

let bindings: Promise<WasmBindings> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. The package's default entry
 * imports the `.wasm` file as an ES module, which Node rejects, so the glue module is
 * loaded on its own and handed the instantiated module, as the default entry would.
 */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no `./package.json`; its main file sits beside the .wasm.
    const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue: WasmBindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return glue;
  })();
  return bindings;
}

export type EngineLog = (message: string) => void;

/** Opens the schema engine over a driver adapter (PGlite or node-postgres). */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => {
    // engine logs are dropped unless a caller asks for them
  },
): Promise<SchemaEngine> {
  const { SchemaEngine: Engine } = await loadBindings();
  return Engine.new(
    { datamodels: undefined },
    (message: unknown) => {
      log(typeof message === "string" ? message : JSON.stringify(message));
    },
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
