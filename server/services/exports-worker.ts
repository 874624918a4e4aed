// The export thread's entry (see exports-thread.ts): its own connection and cursor, the formatting and
// the zip, and the file's bytes posted to the main thread as they are written.
import { Writable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { pgCursorBatches, type Statement } from "./exports-pg-cursor.ts";
import { writeExportFile, type FileSpec } from "./exports-pipeline.ts";

export type ExportJob = { connectionString: string; statement: Statement; spec: FileSpec; creditBytes: number };
export type FromExportThread = { chunk: Uint8Array } | { rows: number } | { done: number } | { error: string };
export type ToExportThread = { ack: number };

const port = parentPort!;
const job = workerData as ExportJob;

// Credit-based backpressure: the main thread acks the bytes its response has taken; past the credit the
// writer waits, so a slow download holds this thread instead of queueing the file in memory.
let credit = job.creditBytes;
let resume: (() => void) | null = null;
port.on("message", (m: ToExportThread) => {
  credit += m.ack;
  if (credit > 0 && resume) {
    const go = resume;
    resume = null;
    go();
  }
});
const out = new Writable({
  highWaterMark: 256 * 1024,
  write(chunk: Buffer, _encoding, callback) {
    // A copy of its own to transfer: a small Buffer is a view into a slab other Buffers share.
    const bytes = new Uint8Array(chunk.length);
    bytes.set(chunk);
    port.postMessage({ chunk: bytes } satisfies FromExportThread, [bytes.buffer]);
    credit -= chunk.length;
    if (credit > 0) callback();
    else resume = () => callback();
  },
});

const client = new pg.Client({ connectionString: job.connectionString, application_name: "claimdesk export" });
try {
  await client.connect();
  const { rowCount } = await writeExportFile(pgCursorBatches(client, job.statement), out, job.spec, {
    cancelled: () => false, // cancelling ends this thread
    wrote: (n) => port.postMessage({ rows: n } satisfies FromExportThread),
  });
  port.postMessage({ done: rowCount } satisfies FromExportThread);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromExportThread);
} finally {
  await client.end().catch(() => undefined);
}
