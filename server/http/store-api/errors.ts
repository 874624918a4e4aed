import type { FastifyReply } from "fastify";
import type { z } from "zod";

/** A refusal the API answers with: `{ error, message, fields? }` and a 4xx status. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** zod issues as `{ "lines.0.quantity": ["…"] }`, prefixed when the body is one part of a larger request. */
export function fieldErrors(error: z.ZodError, prefix = ""): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error, prefix);
    throw new ApiProblem(422, "validation_failed", `Some fields are invalid: ${Object.keys(fields).join(", ")}.`, fields);
  }
  return parsed.data;
}

export function sendProblem(reply: FastifyReply, p: ApiProblem) {
  return reply
    .code(p.status)
    .header("cache-control", "no-store")
    .send(p.fields ? { error: p.code, message: p.message, fields: p.fields } : { error: p.code, message: p.message });
}
