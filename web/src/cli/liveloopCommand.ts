import { runRegress, type RegressIo } from "@/cli/regress/runRegress";

export const liveloopUsage = `Usage: npx liveloop <command> [options]

Commands:
  regress    run a dataset against a candidate model and fail on regressions (npx liveloop regress --help)
`;

/** Runs one command line; resolves with the process's exit code (2 for a command that does not exist). */
export async function runLiveloopCommand(args: readonly string[], io: RegressIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === "regress") return runRegress(rest, io);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(liveloopUsage);
    return command === undefined ? 2 : 0;
  }
  io.stderr.write(`Unknown command: ${command}\n\n${liveloopUsage}`);
  return 2;
}
