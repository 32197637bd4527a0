import { createMigration, migrateDatabase } from "./migrations.ts";

const [command, name] = process.argv.slice(2);

async function main(): Promise<void> {
  if (command === "migration") {
    if (!name) throw new Error("Usage: npm run db:migration -- <snake_case_name>");
    const folder = await createMigration(name);
    console.log(folder ? `Created prisma/migrations/${folder}` : "Schema unchanged: no migration written.");
    return;
  }
  if (command === "migrate") {
    const applied = await migrateDatabase(process.env);
    console.log(applied.length > 0 ? `Applied ${applied.join(", ")}` : "Database is up to date.");
    return;
  }
  throw new Error(`Unknown command "${command ?? ""}": use migrate or migration`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
