import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { appRouter } from "../../routers/_app.ts";
import type { Meta } from "../../trpc/init.ts";
import { openTestDatabase } from "../database.ts";
import { buildFixture, fingerprint } from "./role-matrix.fixture.ts";
import { roleMatrix, type Caller, type Entry, type Outcome } from "./role-matrix.table.ts";

// Every procedure of the live router × every kind of caller, against the table. The list comes from the router,
// so a procedure added without a table entry fails here by name.

type Procedure = { _def: { type: string; meta?: Meta } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;
const paths = Object.keys(procedures).sort();
const callerOrder: Caller[] = ["anonymous", "otherStore", "agent", "supervisor", "admin"];

let database: Database;
let setup: Awaited<ReturnType<typeof buildFixture>>;
beforeAll(async () => {
  database = await openTestDatabase();
  setup = await buildFixture(database.db);
});
afterAll(() => database.close());

/** What `meta.roles` promises for a caller; the table must say the same about who gets past the role gate. */
function gateOf(meta: Meta | undefined, who: Caller): "open" | "UNAUTHORIZED" | "FORBIDDEN" {
  const roles = meta?.roles;
  if (roles === "public") return "open";
  if (who === "anonymous") return "UNAUTHORIZED";
  if (roles === "authenticated") return "open";
  const role = who === "otherStore" ? "agent" : who;
  return roles?.includes(role) ? "open" : "FORBIDDEN";
}

async function call(path: string, who: Caller, entry: Entry): Promise<{ code: string; output?: unknown; message?: string }> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], setup.callers[who]) as (i: unknown) => Promise<unknown>;
  try {
    return { code: "OK", output: await fn(entry.input?.(setup.fx)) };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

function judge(expected: Outcome, got: { code: string }, revealed: boolean | undefined): string | null {
  // A crash is never access: it once passed as "allowed" because it was not a refusal.
  if (got.code === "INTERNAL_SERVER_ERROR") return "internal server error";
  const denied = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"].includes(got.code);
  if (expected === "allow") return denied ? `expected access, got ${got.code}` : null;
  if (expected === "hidden") {
    if (denied) return `expected a scoped answer, got ${got.code}`;
    return revealed ? "answer shows another store's record" : null;
  }
  return got.code === expected ? null : `expected ${expected}, got ${got.code}`;
}

describe("role matrix", () => {
  it("has an entry for every procedure of the router, and none for procedures that no longer exist", () => {
    expect(paths.filter((p) => !roleMatrix[p]), "procedures missing from role-matrix.table.ts").toEqual([]);
    expect(Object.keys(roleMatrix).filter((p) => !procedures[p]), "stale entries in role-matrix.table.ts").toEqual([]);
  });

  it("agrees with each procedure's meta.roles on who passes the role gate", () => {
    const disagreements: string[] = [];
    for (const path of paths) {
      const entry = roleMatrix[path];
      if (!entry) continue;
      for (const who of callerOrder) {
        const gate = gateOf(procedures[path]!._def.meta, who);
        const table = entry[who];
        const tableGate = table === "UNAUTHORIZED" || table === "FORBIDDEN" ? table : "open";
        if (gate !== tableGate) disagreements.push(`${path} ${who}: meta says ${gate}, table says ${table}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("gives every caller exactly the access the table expects", async () => {
    const failures: string[] = [];
    for (const path of paths) {
      const entry = roleMatrix[path];
      if (!entry) continue;
      for (const who of callerOrder) {
        await setup.refresh();
        const before = await fingerprint(database.db);
        const got = await call(path, who, entry);
        if (["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"].includes(got.code) && (await fingerprint(database.db)) !== before) {
          failures.push(`${path} as ${who}: refused with ${got.code} but changed data`);
        }
        const revealed = entry[who] === "hidden" && got.code === "OK" ? entry.reveals?.(got.output, setup.fx) : undefined;
        const problem = judge(entry[who], got, revealed);
        if (problem) failures.push(`${path} as ${who}: ${problem}${got.message ? ` (${got.message})` : ""}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
