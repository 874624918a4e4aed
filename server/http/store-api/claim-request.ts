import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { evidenceKinds, type EvidenceKind } from "../../../shared/policy/enums.ts";
import { openClaimBody, type OpenClaimBody } from "../../../shared/schemas/store-api.ts";
import { ApiProblem, parseOrThrow } from "./errors.ts";
import { requestHash } from "./idempotency.ts";

export type ApiEvidenceFile = { kind: EvidenceKind; fileName: string; data: Buffer };
export type ClaimRequest = { claim: OpenClaimBody; files: ApiEvidenceFile[]; hash: string };

function parseClaimJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "validation_failed", "The `claim` part is not valid JSON.", { claim: ["Not valid JSON."] });
  }
}

/**
 * The claim and its files from JSON or multipart. Files are read into memory (bounded by the multipart
 * limits) because they can only be stored once the claim exists, inside the request's transaction.
 */
export async function readClaimRequest(req: FastifyRequest): Promise<ClaimRequest> {
  if (!req.isMultipart()) {
    const claim = parseOrThrow(openClaimBody, req.body);
    return { claim, files: [], hash: requestHash("POST", "/claims", JSON.stringify(req.body)) };
  }
  let claimText: string | undefined;
  const files: ApiEvidenceFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "field") {
      if (part.fieldname !== "claim") throw new ApiProblem(422, "validation_failed", `Unexpected field "${part.fieldname}".`, { [part.fieldname]: ["Only a `claim` field and evidence files are accepted."] });
      claimText = String(part.value);
      continue;
    }
    const data = await part.toBuffer();
    if (!evidenceKinds.includes(part.fieldname as EvidenceKind)) {
      throw new ApiProblem(422, "validation_failed", `File part "${part.fieldname}" is not an evidence kind.`, { [part.fieldname]: [`Name file parts after their evidence kind: ${evidenceKinds.join(", ")}.`] });
    }
    files.push({ kind: part.fieldname as EvidenceKind, fileName: part.filename, data });
  }
  if (claimText === undefined) throw new ApiProblem(422, "validation_failed", "Send the claim as JSON in a part named `claim`.", { claim: ["Required."] });
  const claim = parseOrThrow(openClaimBody, parseClaimJson(claimText));
  const fileHashes = files.map((f) => `${f.kind}:${f.fileName}:${createHash("sha256").update(f.data).digest("hex")}`);
  return { claim, files, hash: requestHash("POST", "/claims", claimText, ...fileHashes) };
}
