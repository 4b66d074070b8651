// Next's recommended rules (React, hooks, accessibility, Core Web Vitals) and TypeScript's.
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "generated/**",
      ".next/**",
      ".next-*/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["tests/**", "e2e/**", "scripts/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Values from outside go through lib/parse-input.ts, which refuses what makes zod's own parse throw.
    files: ["app/**", "lib/**"],
    ignores: ["lib/parse-input.ts", "lib/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(parse|safeParse)$/]:not([callee.object.name=/^(JSON|URL|Date)$/])",
          message: "Validate input with parseInput or safeParseInput from @/lib/parse-input.",
        },
      ],
    },
  },
];

export default config;
