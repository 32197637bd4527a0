import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

// Throw-away host applications that install the packed @liveloop/widget the way a customer does: from
// the tarball, in a folder outside the workspace (so the workspace's node_modules cannot be found), with
// the versions of React, Vite, Next.js and TypeScript this repo is locked to.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The version package-lock.json holds for a package the repo already uses. */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`package-lock.json has no ${name}`);
  return version;
}

// Vite's React plugin is the one host-app dependency the repo does not use itself: pinned here (6.x is the line for Vite 8).
const vitePluginReactVersion = "6.3.0";

/**
 * The environment for npm, Vite and Next: without what npm and Playwright set for this run (npm_* settings
 * would aim npm at the workspace, NODE_OPTIONS carries the test runner's loader, NODE_ENV=production would
 * skip dev dependencies).
 */
function hostEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_/i.test(name) && name !== "NODE_OPTIONS" && name !== "NODE_ENV" && name !== "INIT_CWD",
    ),
  );
  return { ...env, NEXT_TELEMETRY_DISABLED: "1" };
}

/** Runs a command to its end; rejects with its output when it fails. */
export function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: hostEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/** `npm pack` of the widget workspace (its prepack builds dist/) into `dir`; returns the tarball's path. */
export async function packWidget(dir: string): Promise<string> {
  await run("npm", ["pack", "--workspace", "@liveloop/widget", "--pack-destination", dir, "--loglevel=error"], repoRoot);
  const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  return join(dir, tarball);
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Installs what the app's package.json lists, from the npm cache where it can. */
export function installApp(dir: string): Promise<string> {
  return run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], dir);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// The page reads the Liveloop server, key and trace from its query string, so one build serves any key.
const queryProps = `const query = new URLSearchParams(window.location.search);
const endpoint = query.get("endpoint") ?? "";
const publicKey = query.get("key") ?? "";
const traceId = query.get("trace") ?? "";`;

/**
 * Type checks a consumer makes against the published declarations. Each `@ts-expect-error` fails the
 * check if the declarations were missing or unresolved (everything `any`), not only if they are wrong.
 */
const typeChecks = `import { Feedback, FeedbackProvider, createFeedbackClient, type FeedbackLabels } from "@liveloop/widget";
import { trigramSimilarity } from "@liveloop/widget/core";
import { de, labelsForLocale } from "@liveloop/widget/locales";
import type { FeedbackEvent } from "@liveloop/widget/protocol";
import { signFeedbackToken, verifyFeedbackToken } from "@liveloop/widget/server";

export const labels: FeedbackLabels = labelsForLocale("fr");
export const german: string = de.notHelpful;
export const similarity: number = trigramSimilarity("a", "b");
export const eventType: FeedbackEvent["type"] = "thumb";
export const token: string = signFeedbackToken({ secret: "s", projectId: "p", traceId: "t", expiresAt: new Date() });
export const check: "valid" | "expired" | "invalid" = verifyFeedbackToken({ secret: "s", projectId: "p", traceId: "t", token, now: new Date() });
export const parts = [Feedback.Bar, Feedback.Thumbs, FeedbackProvider, createFeedbackClient];
// @ts-expect-error: not an event type
export const wrongType: FeedbackEvent["type"] = "not-an-event";
// @ts-expect-error: a thumb is 1, -1 or 0
createFeedbackClient({ endpoint: "http://127.0.0.1", publicKey: "pk_x" }).thumb("trace", 2);
`;

/** A Vite + React + TypeScript app, as `npm create vite` makes it, rendering one answer with Feedback.Bar. */
export function writeViteApp(dir: string, tarball: string): void {
  writeFiles(dir, {
    "package.json": json({
      name: "vite-host",
      private: true,
      type: "module",
      dependencies: {
        "@liveloop/widget": `file:${tarball}`,
        react: lockedVersion("react"),
        "react-dom": lockedVersion("react-dom"),
      },
      devDependencies: {
        "@types/react": lockedVersion("@types/react"),
        "@types/react-dom": lockedVersion("@types/react-dom"),
        "@vitejs/plugin-react": vitePluginReactVersion,
        typescript: lockedVersion("typescript"),
        vite: lockedVersion("vite"),
      },
    }),
    "tsconfig.json": json({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        strict: true,
        noEmit: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        // The published declarations are checked too, not skipped.
        skipLibCheck: false,
        types: [],
      },
      include: ["src"],
    }),
    "vite.config.ts": `import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({ plugins: [react()] });
`,
    "index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Vite host</title></head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`,
    "src/main.tsx": `import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Feedback, FeedbackProvider } from "@liveloop/widget";

${queryProps}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FeedbackProvider endpoint={endpoint} publicKey={publicKey} flushIntervalMs={200}>
        <main>
          <Feedback.Answer traceId={traceId}>Our store opens at 10:00.</Feedback.Answer>
          <Feedback.Bar traceId={traceId} />
        </main>
      </FeedbackProvider>
    </StrictMode>,
  );
}
`,
    "src/typeChecks.ts": typeChecks,
  });
}

/**
 * A Next.js App Router app whose page is a server component that renders FeedbackProvider directly
 * (the React entry's "use client" makes that work) with German labels from /locales.
 */
export function writeNextApp(dir: string, tarball: string): void {
  writeFiles(dir, {
    "package.json": json({
      name: "next-host",
      private: true,
      type: "module",
      dependencies: {
        "@liveloop/widget": `file:${tarball}`,
        next: lockedVersion("next"),
        react: lockedVersion("react"),
        "react-dom": lockedVersion("react-dom"),
      },
      devDependencies: {
        "@types/node": lockedVersion("@types/node"),
        "@types/react": lockedVersion("@types/react"),
        "@types/react-dom": lockedVersion("@types/react-dom"),
        typescript: lockedVersion("typescript"),
      },
    }),
    // What `create-next-app` writes.
    "tsconfig.json": json({
      compilerOptions: {
        target: "ES2017",
        lib: ["dom", "dom.iterable", "esnext"],
        allowJs: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: "esnext",
        moduleResolution: "bundler",
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: "react-jsx",
        incremental: true,
        plugins: [{ name: "next" }],
      },
      include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
      exclude: ["node_modules", "node"],
    }),
    // A Node backend with module: nodenext, the strictest resolution: .js specifiers, exports conditions.
    "node/tsconfig.json": json({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        module: "nodenext",
        moduleResolution: "nodenext",
        jsx: "react-jsx",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["typeChecks.ts"],
    }),
    "node/typeChecks.ts": typeChecks,
    "next.config.mjs": `export default {};\n`,
    "app/layout.tsx": `import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
`,
    "app/page.tsx": `import { FeedbackProvider } from "@liveloop/widget";
import { labelsForLocale } from "@liveloop/widget/locales";
import { AnswerFeedback } from "./AnswerFeedback";

type Query = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function Page({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  return (
    <FeedbackProvider endpoint={one(query.endpoint)} publicKey={one(query.key)} labels={labelsForLocale("de-AT")} flushIntervalMs={200}>
      <main>
        <AnswerFeedback traceId={one(query.trace)} text="Unser Laden öffnet um 10:00." />
      </main>
    </FeedbackProvider>
  );
}
`,
    // Feedback.Bar is a property of the Feedback object: a server component cannot dot into a client
    // module's export, so the parts render in a client component of the app's own.
    "app/AnswerFeedback.tsx": `"use client";
import { Feedback } from "@liveloop/widget";

export function AnswerFeedback({ traceId, text }: { traceId: string; text: string }) {
  return (
    <>
      <Feedback.Answer traceId={traceId}>{text}</Feedback.Answer>
      <Feedback.Bar traceId={traceId} />
    </>
  );
}
`,
  });
}

/** Imports every entry of the installed package in plain Node and lists what each exports. */
export async function exportedNames(appDir: string): Promise<Record<string, string[]>> {
  const script = `const entries = ["@liveloop/widget", "@liveloop/widget/core", "@liveloop/widget/locales", "@liveloop/widget/protocol", "@liveloop/widget/server"];
const names = {};
for (const entry of entries) names[entry] = Object.keys(await import(entry)).sort();
console.log(JSON.stringify(names));`;
  return JSON.parse(await run(process.execPath, ["--input-type=module", "-e", script], appDir)) as Record<string, string[]>;
}

/** Every file under `dir` whose name ends with `suffix`. */
export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

export interface RunningApp {
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/** Serves a static build (Vite's dist/) from its own origin, on a port the system picks. */
export async function serveStatic(dir: string): Promise<RunningApp> {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://host").pathname;
    const file = join(dir, normalize(path === "/" ? "/index.html" : path));
    if (!file.startsWith(dir)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": contentTypes[extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  return port;
}

/** `next start` for a built app; resolves once it answers, with a close() that stops the process group it started. */
export async function startNext(dir: string): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(dir, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: dir,
      env: { ...hostEnv(), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in/.test(output)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => {
      reject(new Error(`next start exited:\n${output}`));
    });
  });
  const close = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await ready;
  } catch (error) {
    await close();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, close };
}
