import type { Writable } from "node:stream";

/** Waits for `drain`, or for the destination to close or fail (a client that left never drains). */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    out.on("drain", done).on("close", done).on("error", done);
  });
}
