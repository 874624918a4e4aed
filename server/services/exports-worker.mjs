// Plain JavaScript on purpose: a worker thread starts without the TypeScript loader the server runs
// under, so this entry registers tsx and then loads the export thread's TypeScript.
import { tsImport } from "tsx/esm/api";

await tsImport("./exports-worker.ts", import.meta.url);
