import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { appRouter } from "../routers/_app.ts";
import { fieldError } from "./resolution-common.ts";

describe("fieldError", () => {
  it("reaches the client as a field error beside the named field", () => {
    const error = fieldError("amountCents", "X2: at most $10.00, what the claimed lines paid.");
    expect(error.cause).toBeInstanceOf(ZodError);
    const shape = appRouter._def._config.errorFormatter({
      error,
      type: "mutation",
      path: "resolution.proposeRefund",
      input: undefined,
      ctx: undefined,
      shape: { message: error.message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, path: "resolution.proposeRefund" } },
    } as never) as { data: { fieldErrors: Record<string, string[]> | null } };
    expect(shape.data.fieldErrors).toEqual({ amountCents: ["X2: at most $10.00, what the claimed lines paid."] });
  });
});
