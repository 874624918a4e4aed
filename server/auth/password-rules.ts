import { TRPCError } from "@trpc/server";
import { z, type ZodError } from "zod";
import { commonPasswordMessage, passwordIsEmailMessage, sameAsEmail } from "../../shared/schemas/passwords.ts";
import { isCommonPassword } from "./common-passwords.ts";

/**
 * The server half of the password rules (the form checks length with the same zod schema). A ZodError
 * cause makes the error formatter report it under the form's field, so it shows beside the input.
 */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  const message = sameAsEmail(password, email) ? passwordIsEmailMessage : isCommonPassword(password) ? commonPasswordMessage : null;
  if (!message) return;
  throw new TRPCError({
    code: "BAD_REQUEST",
    message,
    cause: fieldError(field, message),
  });
}

/**
 * A ZodError for one field, made by a parse: a hand-constructed ZodError is not an `Error` in zod 4, so
 * tRPC would wrap it and the formatter would lose the field.
 */
export function fieldError(field: string, message: string): ZodError {
  return z
    .unknown()
    .superRefine((_, ctx) => ctx.addIssue({ code: "custom", path: [field], message }))
    .safeParse(null).error!;
}
