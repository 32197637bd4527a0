// The `liveloop` command line (web/bin/liveloop.mjs starts it; see README, "Regression gate").
import { runLiveloopCommand } from "../src/cli/liveloopCommand.ts";

const code = await runLiveloopCommand(process.argv.slice(2), {
  environment: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Kept-alive sockets of the HTTP client would hold the process a few seconds longer.
process.exit(code);
