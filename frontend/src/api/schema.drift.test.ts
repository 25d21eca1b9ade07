// @vitest-environment node
// schema.d.ts is generated from docs/openapi.json (itself generated from the Rust
// code). This fails when the committed types lag behind: run `npm run gen:types`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(__dirname, "../..");

it("schema.d.ts matches a fresh generation from docs/openapi.json", () => {
  const dir = mkdtempSync(join(tmpdir(), "hireops-schema-"));
  try {
    const fresh = join(dir, "schema.d.ts");
    execFileSync(process.execPath, [join(root, "node_modules/openapi-typescript/bin/cli.js"), "../docs/openapi.json", "-o", fresh], {
      cwd: root,
      stdio: "pipe",
    });
    const committed = readFileSync(join(root, "src/api/schema.d.ts"), "utf8");
    expect(committed === readFileSync(fresh, "utf8"), "src/api/schema.d.ts is stale: run `npm run gen:types`").toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
