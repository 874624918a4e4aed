import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/client.ts";
import { openTestDatabase } from "../../test/database.ts";

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false });
  // Walk the router's own table (a tree: children continue their parent's path), so a route added later
  // without documentation fails here.
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = (stack[depth - 1] ?? "") + m[2]!;
    stack[depth] = url;
    if (url.startsWith("/api/v1/") && m[3]) for (const method of m[3].split(", ")) if (method !== "HEAD") routes.push({ method: method.toLowerCase(), url });
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("OpenAPI document", () => {
  it("is served without a key and describes every store API route, its auth and its errors", async () => {
    const res = await app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const r of routes) {
      const docPath = r.url.replace(/^\/api\/v1/, "").replace(/:(\w+)/g, "{$1}");
      const op = doc.paths[docPath]?.[r.method];
      expect(op, `${r.method.toUpperCase()} ${r.url} is not in /api/openapi.json`).toBeDefined();
      expect(op.responses["401"]).toBeDefined();
      expect(op.responses["429"]).toBeDefined();
      if (r.method === "put" || r.method === "post") expect(op.parameters.some((p: { name: string }) => p.name === "Idempotency-Key")).toBe(true);
    }
  });

  it("publishes the request schemas the routes validate with", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    const order = doc.paths["/orders/{number}"].put.requestBody.content["application/json"].schema;
    expect(order.required).toEqual(expect.arrayContaining(["placedAt", "customer", "lines"]));
    expect(order.properties.lines.items.properties.unitPriceCents.type).toBe("integer");
    const claim = doc.paths["/claims"].post.requestBody.content;
    expect(claim["application/json"].schema.properties.reason.enum).toContain("quality_defect");
    expect(claim["multipart/form-data"].schema.properties).toHaveProperty("photo");
  });
});
