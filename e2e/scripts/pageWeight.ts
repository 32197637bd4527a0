// What each console page costs a browser on its first visit: the JavaScript and CSS it
// downloads, as sent (compressed) and as parsed. Run against any running instance:
//   npx tsx e2e/scripts/pageWeight.ts http://127.0.0.1:3000 owner@example.com 'password'
// It signs in, seeds a tour project through the public API (as the console tour does),
// opens every page in a fresh browser context (empty cache) and prints one row per page.
import { chromium, request as requestFactory } from "@playwright/test";
import { createTourProject, type TourProject } from "../tests/tourData";

const [baseURL, email, password] = process.argv.slice(2);
if (!baseURL || !email || !password) {
  console.error("usage: tsx e2e/scripts/pageWeight.ts <base url> <email> <password>");
  process.exit(2);
}

const pages: [string, (tour: TourProject) => string][] = [
  ["overview", (t) => `/projects/${t.projectId}`],
  ["traces", (t) => `/projects/${t.projectId}/traces`],
  ["trace", (t) => `/projects/${t.projectId}/traces/${encodeURIComponent(t.traceId)}`],
  ["sessions", (t) => `/projects/${t.projectId}/sessions`],
  ["metrics", (t) => `/projects/${t.projectId}/metrics`],
  ["review queue", (t) => `/projects/${t.projectId}/review`],
  ["review item", (t) => `/projects/${t.projectId}/review/${t.reviewItemId}`],
  ["datasets", (t) => `/projects/${t.projectId}/datasets`],
  ["settings", (t) => `/projects/${t.projectId}/settings`],
  ["sign-in", () => "/signin"],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const signInContext = await browser.newContext({ baseURL });
const signInPage = await signInContext.newPage();
await signInPage.goto("/signin");
await signInPage.getByLabel("Email").fill(email);
await signInPage.getByLabel("Password").fill(password);
await signInPage.getByRole("button", { name: "Sign in", exact: true }).click();
await signInPage.waitForURL(/\/projects\//);
const storageState = await signInContext.storageState();
await signInContext.close();

const api = await requestFactory.newContext({ baseURL, storageState });
const tour = await createTourProject(api, `Weight ${Date.now()}`);
await api.dispose();

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log("page\tJS sent KB\tJS KB\tCSS sent KB\tCSS KB");
for (const [name, path] of pages) {
  const context = await browser.newContext({ baseURL, ...(name === "sign-in" ? {} : { storageState }) });
  const page = await context.newPage();
  const sizes = { js: [0, 0], css: [0, 0] };
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    const kind = request.resourceType() === "script" ? "js" : request.resourceType() === "stylesheet" ? "css" : null;
    if (!kind) return;
    pending.push(
      (async () => {
        const response = await request.response();
        const [sent, parsed] = [(await request.sizes()).responseBodySize, (await response?.body())?.length ?? 0];
        sizes[kind][0] = (sizes[kind][0] ?? 0) + sent;
        sizes[kind][1] = (sizes[kind][1] ?? 0) + parsed;
      })(),
    );
  });
  await page.goto(path(tour), { waitUntil: "networkidle" });
  await Promise.all(pending);
  console.log([name, kb(sizes.js[0] ?? 0), kb(sizes.js[1] ?? 0), kb(sizes.css[0] ?? 0), kb(sizes.css[1] ?? 0)].join("\t"));
  await context.close();
}
await browser.close();
