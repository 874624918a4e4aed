import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { verifiedSessionToken } from "../test/two-factor.ts";
import type { Database } from "../db/client.ts";
import type { SessionUser } from "../trpc/context.ts";
import { exportsHttp } from "./exports.ts";

/** A tiny RFC 4180 reader (quotes, doubled quotes, CRLF inside quotes), so tests read the file as a spreadsheet would. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

export async function exportsTestApp(database: Database, users: Record<"agent" | "supervisor" | "admin", SessionUser>) {
  const app = Fastify();
  await app.register(cookie);
  await app.register(exportsHttp, { database });
  const cookies = {} as Record<keyof typeof users, string>;
  for (const role of Object.keys(users) as (keyof typeof users)[]) {
    cookies[role] = await verifiedSessionToken(database.db, users[role].id);
  }
  const get = (url: string, as: keyof typeof users | null = "supervisor") => app.inject({ url, cookies: as ? { cd_session: cookies[as] } : {} });
  return { app, cookies, get };
}
