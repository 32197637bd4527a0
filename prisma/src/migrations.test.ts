import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyPendingMigrations, diffSchemaAgainstMigrations, migrationFolderName, readMigrationList } from "./migrations.ts";

describe("migrations", () => {
  const dir = mkdtempSync(join(tmpdir(), "liveloop-migrate-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("names folders the way Prisma Migrate does", () => {
    expect(migrationFolderName("add_scores", new Date("2026-11-27T09:05:03.120Z"))).toBe("20261127090503_add_scores");
  });

  it("are committed for everything schema.prisma describes", async () => {
    expect(await diffSchemaAgainstMigrations()).toBeNull();
  });

  it("apply once; a second start applies nothing and loses nothing", async () => {
    const names = (await readMigrationList()).migrationDirectories.map((entry) => entry.path);
    const first = new PGlite(dir);
    expect(await applyPendingMigrations(new PrismaPGlite(first))).toEqual(names);
    await first.query("INSERT INTO projects (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'kept')");
    await first.close();

    const second = new PGlite(dir);
    expect(await applyPendingMigrations(new PrismaPGlite(second))).toEqual([]);
    expect((await second.query<{ name: string }>("SELECT name FROM projects")).rows).toEqual([{ name: "kept" }]);
    const recorded = await second.query<{ migration_name: string; finished_at: Date | null }>(
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(names);
    expect(recorded.rows.every((row) => row.finished_at !== null)).toBe(true);
    await second.close();
  });
});
