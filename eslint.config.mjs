// Lint for the whole repository: type-aware TypeScript rules, React hooks, jsx-a11y,
// Next's rules for the app, and the import direction between workspaces.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import nextPlugin from "@next/eslint-plugin-next";

const webImportsMessage =
  "The widget ships to other people's apps and must not depend on the Liveloop server: web imports widget types, never the reverse (see README, Architecture).";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "web/src/generated/**",
      "**/next-env.d.ts",
      ".liveloop/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
      "web/public/widget.js",
      "widget/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: "readonly", process: "readonly", URL: "readonly" },
    },
  },
  {
    files: ["web/**/*.{ts,tsx}", "widget/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    settings: { next: { rootDir: "web/" } },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  {
    files: ["widget/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@liveloop/web", "@liveloop/web/*", "**/web/src/**", "@/*"], message: webImportsMessage }] },
      ],
    },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // The wire contract is the protocol module (event types) and the Node-only server
              // entry (the feedback-token format): one implementation, used on both sides.
              regex: "^@liveloop/widget(?!/(protocol|server)$)(/.*)?$",
              allowTypeImports: true,
              message:
                "web may import the widget's types, @liveloop/widget/protocol and @liveloop/widget/server (the wire contract), never its browser code.",
            },
          ],
        },
      ],
    },
  },
  {
    // The /demo chat is the widget's customer inside the app, and tests drive the widget
    // against the real server: both use the widget exactly as a host page would.
    files: ["web/src/components/demo/**/*.{ts,tsx}", "web/src/**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Pages and components get view models from src/server/<domain>; only the server opens
    // the database (tests set up their data through it too).
    files: ["web/src/app/**/*.{ts,tsx}", "web/src/components/**/*.{ts,tsx}"],
    ignores: ["web/src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/*"],
              message: "Routes stay thin: reach the database through a domain in src/server, not Prisma directly.",
            },
            {
              group: ["@/server/db/client", "**/server/db/client"],
              message:
                "Pages and components never open the database: call a view-model function in src/server/<domain>/ that takes the session's access and returns what the page shows.",
            },
          ],
        },
      ],
    },
  },
);
