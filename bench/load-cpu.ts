import { readFileSync } from "node:fs";
import pg from "pg";

/**
 * CPU seconds the load costs, per process group, read from /proc: the server, its own PostgreSQL backends (found
 * by the application_name the server was started with) and this driver. On a machine shared with other work,
 * requests per second move with the neighbours' load; CPU per request does not, so before/after comparisons use it.
 * Linux only, and only when PostgreSQL runs on this machine; elsewhere the figures are simply absent.
 */
const ticksPerSecond = 100; // USER_HZ, 100 on every Linux we run on

function ticksOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export type CpuSnapshot = { server: number; postgres: Map<number, number>; driver: number; at: number };

export async function cpuMeter(url: string, serverPid: number, applicationName: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const backends = async () => {
    const res = await client.query<{ pid: number }>("select pid from pg_stat_activity where application_name = $1", [applicationName]);
    return new Map(res.rows.flatMap((r) => (ticksOf(r.pid) === null ? [] : [[r.pid, ticksOf(r.pid)!] as const])));
  };
  const snapshot = async (): Promise<CpuSnapshot> => {
    const u = process.cpuUsage();
    return { server: ticksOf(serverPid) ?? NaN, postgres: await backends(), driver: (u.user + u.system) / 1e6, at: performance.now() };
  };
  return {
    snapshot,
    /** CPU seconds between two snapshots; a backend that started in between counts from zero. */
    between(a: CpuSnapshot, b: CpuSnapshot) {
      let postgres = 0;
      for (const [pid, t] of b.postgres) postgres += t - (a.postgres.get(pid) ?? 0);
      const r = (x: number) => Math.round(x * 100) / 100;
      return { wallS: r((b.at - a.at) / 1000), serverS: r((b.server - a.server) / ticksPerSecond), postgresS: r(postgres / ticksPerSecond), driverS: r(b.driver - a.driver) };
    },
    close: () => client.end(),
  };
}

/** The machine's load average, to say how busy the neighbours were. */
export function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "n/a";
  }
}
