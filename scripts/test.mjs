// `npm test`: every check and suite, then one closing line `N passed, N failed`.
// Static checks (ESLint, Prettier, tsc per workspace) count as one test each; vitest and
// Playwright contribute their own counts, read from their JSON reports, plus one check
// each that they removed every `liveloop-*` temporary folder they made.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { runWithPrivateTmpdir } from "./tempDirLeaks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = join(root, "node_modules", ".cache", "liveloop-test");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const npx = join(root, "node_modules", ".bin");

const tally = { passed: 0, failed: 0 };
const failures = [];

function run(command, args, options = {}) {
  console.log(`\n▶ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

function check(name, command, args) {
  if (run(command, args) === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

/** Runs a suite in its own TMPDIR; a `liveloop-*` folder it leaves there counts as one failed check. */
function runSuite(name, command, args, options = {}) {
  const { status, leftovers } = runWithPrivateTmpdir((env) => run(command, args, { ...options, env: { ...options.env, ...env } }));
  if (leftovers.length === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(`${name} left temporary folders behind (${leftovers.join(", ")})`);
  }
  return status;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/** Finds Chromium: CHROMIUM_PATH, Debian's package, or apt-get as root. Never a test tool's own browser download. */
function resolveChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    console.log("Chromium is missing: installing Debian's chromium package...");
    if (
      run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]) === 0 &&
      existsSync("/usr/bin/chromium")
    ) {
      return "/usr/bin/chromium";
    }
  }
  return null;
}

check("eslint", join(npx, "eslint"), [".", "--max-warnings", "0"]);
check("prettier", join(npx, "prettier"), ["--check", "."]);
for (const workspace of ["prisma", "widget", "web", "e2e"]) check(`tsc ${workspace}`, join(npx, "tsc"), ["--noEmit", "-p", workspace]);
check("widget size budgets and scoped CSS", join(npx, "tsx"), ["widget/scripts/checkBundles.ts"]);

const vitestReport = join(reports, "vitest.json");
const vitestStatus = runSuite("vitest", join(npx, "vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  tally.passed += vitest.numPassedTests;
  tally.failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0) failures.push("vitest ran no test");
}
if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) {
  tally.failed += 1;
  failures.push("vitest (run failed outside any test)");
}

const chromium = resolveChromium();
if (chromium === null) {
  console.error("No Chromium for the browser tests: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.");
  tally.failed += 1;
  failures.push("playwright (no browser)");
} else {
  const playwrightReport = join(root, "e2e", "test-results", "results.json");
  rmSync(playwrightReport, { force: true });
  const status = runSuite("playwright", join(npx, "playwright"), ["test"], { cwd: join(root, "e2e"), env: { CHROMIUM_PATH: chromium } });
  const playwright = readJson(playwrightReport);
  if (playwright) {
    tally.passed += playwright.stats.expected + playwright.stats.flaky;
    tally.failed += playwright.stats.unexpected;
  }
  if (status !== 0 && (!playwright || playwright.stats.unexpected === 0)) {
    tally.failed += 1;
    failures.push("playwright (run failed outside any test)");
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(", ")}`);
const summary = `${tally.passed} passed, ${tally.failed} failed`;
if (process.env.LIVELOOP_TEST_SUMMARY_FILE) writeFileSync(process.env.LIVELOOP_TEST_SUMMARY_FILE, `${summary}\n`);
console.log(summary);
process.exit(tally.failed > 0 || failures.length > 0 ? 1 : 0);
