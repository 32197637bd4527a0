// `npm run user -- <command> <email>`: the instance operator's account commands (see
// src/server/accounts/userCommands.ts). With the embedded database, stop Liveloop first:
// PGlite's data directory belongs to one process at a time.
import { dataDirectory, openDatabase } from "@liveloop/prisma/connection";
import { parseEnvironment, InvalidEnvironmentError } from "../src/env.ts";
import { createDatabase } from "../src/server/db/client.ts";
import { createMailer } from "../src/server/mail/mailer.ts";
import { runUserCommand, UserCommandError } from "../src/server/accounts/userCommands.ts";
import { runningServerPid } from "./serverPidFile.ts";

async function main(): Promise<number> {
  const config = parseEnvironment(process.env);
  if (!config.DATABASE_URL) {
    const pid = runningServerPid(dataDirectory(config));
    if (pid !== null) {
      console.error(`Liveloop (pid ${pid}) holds the embedded database in ${dataDirectory(config)}: stop it first, then run this again.`);
      return 1;
    }
  }
  const connection = openDatabase(config);
  const database = createDatabase(connection);
  try {
    console.log(
      await runUserCommand(database, process.argv.slice(2), {
        defaultBaseUrl: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
        mailer: createMailer(config.SMTP_URL, config.SMTP_FROM),
        now: new Date(),
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof UserCommandError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.$disconnect();
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof InvalidEnvironmentError ? error.message : error);
    process.exit(1);
  },
);
