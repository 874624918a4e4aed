import pg from "pg";
import { withDatabase } from "../global-setup.ts";

/** An empty PostgreSQL database of its own on the test cluster (the server under test migrates it), dropped afterwards. */
export async function scratchDatabase(adminUrl: string, tag: string) {
  const name = `claimdesk_${tag}_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  return { url: withDatabase(adminUrl, name), drop: () => run(`drop database if exists ${name} with (force)`) };
}
