import { defineConfig } from "vitest/config";

// Unit tables, emulator tests and lifecycle tests run in parallel; the engine end-to-end
// suite (test/e2e) drives the real Pulumi CLI and runs its files one at a time.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Clears the proxy variables in every test file's process (scripts/lib/proxy.ts).
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
    reporters: ["default"],
  },
});
