import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type FileStorage } from "./storage.ts";

/** Files under `<dataDir>/uploads`, written to a temporary name and renamed, so a half-written file is never served. */
export function diskStorage(dataDir: string): FileStorage & { root: string } {
  const root = path.resolve(dataDir, "uploads");
  const tmp = path.join(root, ".partial");

  const fileFor = (key: string) => {
    assertStorageKey(key);
    const file = path.resolve(root, key);
    // Belt and braces over the key pattern: nothing resolves outside the uploads folder.
    if (!file.startsWith(root + path.sep)) throw new Error(`Invalid storage key "${key}".`);
    return file;
  };

  return {
    root,
    async put(key, stream: Readable) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await mkdir(tmp, { recursive: true });
      const partial = path.join(tmp, randomUUID());
      let sizeBytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, count, createWriteStream(partial, { flags: "wx", mode: 0o640 }));
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { sizeBytes };
    },
    async get(key) {
      const file = fileFor(key);
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        return { stream: createReadStream(file), sizeBytes: info.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
