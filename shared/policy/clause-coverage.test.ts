// Every clause of the rule book is implemented (catalog) and exercised by at
// least one test that cites it as "[ID]" in its name.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { clauseCatalog } from "./index.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const specPath = path.resolve(repoRoot, "../shared/spec/policies.md");

/** Clause ids defined in the rule book: "- **K2** …" bullets and the "## G:" section. */
function specClauseIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/^- \*\*([A-Z][0-9]+)\*\*/gm)) ids.add(m[1]!);
  for (const m of text.matchAll(/^## ([A-Z]): /gm)) ids.add(m[1]!);
  return [...ids].sort();
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : testFiles(full);
    return e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("clause coverage", () => {
  const catalogIds = clauseCatalog.map((c) => c.id);

  it("the catalog holds exactly the rule book's clauses, each with a summary", () => {
    expect(new Set(catalogIds).size).toBe(catalogIds.length);
    for (const c of clauseCatalog) expect(c.summary.length).toBeGreaterThan(10);
    if (!existsSync(specPath)) return; // CI has the rule book beside the repo; without it the catalog stands alone
    const specIds = specClauseIds(readFileSync(specPath, "utf8"));
    expect(specIds.length).toBeGreaterThan(40);
    expect([...catalogIds].sort()).toEqual(specIds);
  });

  it("every catalog clause is cited as [ID] by a test", () => {
    const cited = new Set<string>();
    for (const file of testFiles(path.resolve(repoRoot, "shared"))) {
      if (file === fileURLToPath(import.meta.url)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/\[([A-Z][0-9]*)\]/g)) cited.add(m[1]!);
    }
    const uncited = catalogIds.filter((id) => !cited.has(id));
    expect(uncited, `clauses without a test: ${uncited.join(", ")}`).toEqual([]);
  });
});
