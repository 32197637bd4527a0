#!/usr/bin/env node
// `npx liveloop <command>`: the command line runs from its TypeScript source with the
// repo's tsx (no build step). tsx reads the tsconfig of the working directory by default;
// web's is named here so the `@/` imports resolve wherever the command is started.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../scripts/liveloop.ts");
