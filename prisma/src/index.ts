export { applyPendingMigrations, createMigration, migrateDatabase, migrationFolderName, readMigrationList } from "./migrations.ts";
export { checkDatabaseConnection, connectionFailureMessage, DatabaseConnectionError } from "./checkDatabaseConnection.ts";
