// `npm run --silent policy:eval < case.json`: prints the decision as JSON on
// stdout, or an error naming the bad field on stderr with exit code 2.

import { readFileSync } from "node:fs";
import { runEvalRequest } from "./eval-request.ts";

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

const outcome = runEvalRequest(readStdin());
if (outcome.ok) {
  process.stdout.write(`${outcome.output}\n`);
} else {
  process.stderr.write(`policy:eval: ${outcome.error}\n`);
  process.exitCode = 2;
}
