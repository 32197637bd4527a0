export { applyPendingMigrations, createMigration, migrateDatabase, migrationFolderName, readMigrationList } from "./migrations.ts";
