// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build directory lets a test build run beside a developer's (see e2e/server.ts).
  distDir: process.env.OUTPOST_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ["sharp", "@node-rs/argon2"],
  experimental: {
    authInterrupts: true, // forbidden() renders app/forbidden.tsx with a 403
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
