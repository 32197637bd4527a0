// Helpers for tests in every workspace (`@liveloop/prisma/testing`); never imported by app code.
export { freePort, startPasswordProtectedPostgres, type PasswordProtectedPostgres } from "./passwordProtectedPostgres.ts";
