import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { ZodError } from "zod";

/** The per-field messages a BAD_REQUEST carries (what the error formatter sends to the form, see trpc/init.ts). */
export async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const out: Record<string, string[]> = {};
  for (const issue of ((error as TRPCError).cause as ZodError).issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}
