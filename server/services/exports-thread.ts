import type { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { Statement } from "./exports-pg-cursor.ts";
import type { FileSpec } from "./exports-pipeline.ts";
import type { ExportJob, FromExportThread, ToExportThread } from "./exports-worker.ts";

export type ThreadOutcome = { status: "done" | "cancelled" | "failed"; rowCount: number; error?: Error };

/**
 * The export thread's heap is capped: its live set is one batch and the text being written, so a small
 * old generation makes V8 collect the garbage of a million rows as it goes instead of letting the heap
 * (and the server's memory) grow by hundreds of MB first. An export that still needed more would end
 * this thread only, never the server.
 */
export const exportThreadLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 };
/** Bytes the thread may hand over before the response has taken them. */
const CREDIT = 4 * 1024 * 1024;

/**
 * Runs a PostgreSQL export on a thread of its own, so formatting a million rows neither stalls the
 * server's event loop nor grows its heap; the file's bytes come back in order and go to `out` as the
 * reader takes them. `out` closing before the end (a cancelled download) ends the thread, which drops
 * its connection and so its transaction.
 */
export function exportInThread(connectionString: string, statement: Statement, spec: FileSpec, out: Writable, cancelled: () => boolean): Promise<ThreadOutcome> {
  const job: ExportJob = { connectionString, statement, spec, creditBytes: CREDIT };
  const worker = new Worker(new URL("./exports-worker.mjs", import.meta.url), { workerData: job, resourceLimits: exportThreadLimits });
  return new Promise((resolve) => {
    let rowCount = 0;
    let settled = false;
    const settle = (outcome: ThreadOutcome) => {
      if (settled) return;
      settled = true;
      out.off("close", onClose);
      void worker.terminate();
      resolve(outcome);
    };
    const stop = (error?: Error) => {
      if (!out.destroyed) out.destroy();
      settle(cancelled() ? { status: "cancelled", rowCount } : { status: "failed", rowCount, error: error ?? new Error("The export thread stopped before the end of the file.") });
    };
    const onClose = () => stop();
    out.on("close", onClose);
    // Bytes written while `out` is full are acked together once it drains.
    let owed = 0;
    const ack = (bytes: number) => worker.postMessage({ ack: bytes } satisfies ToExportThread);
    worker.on("message", (m: FromExportThread) => {
      if (settled) return;
      if ("chunk" in m) {
        if (owed === 0 && out.write(m.chunk)) return ack(m.chunk.length);
        if (owed === 0) out.once("drain", () => (ack(owed), (owed = 0)));
        else out.write(m.chunk);
        owed += m.chunk.length;
      } else if ("rows" in m) rowCount = m.rows;
      else if ("done" in m) {
        rowCount = m.done;
        out.off("close", onClose);
        out.end(() => settle({ status: "done", rowCount }));
      } else stop(new Error(m.error));
    });
    worker.on("error", (error) => stop(error));
    worker.on("exit", () => {
      if (!settled && !out.writableEnded) stop();
    });
  });
}
