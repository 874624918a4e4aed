import type { PolicyDocument } from "./schema/document.ts";

// C1: RMA numbers are the store's prefix followed by a fixed count of digits.
// Uniqueness is the server's job (a unique index); the engine only formats
// and checks the shape.

export function formatRmaNumber(policy: PolicyDocument, sequence: number): string {
  const rma = policy.rma;
  if (!rma) throw new Error(`store ${policy.key} issues no RMA numbers`);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || String(sequence).length > rma.digits) {
    throw new RangeError(`RMA sequence ${sequence} does not fit ${rma.digits} digits`);
  }
  return rma.prefix + String(sequence).padStart(rma.digits, "0");
}

export function isValidRmaNumber(policy: PolicyDocument, value: string): boolean {
  const rma = policy.rma;
  if (!rma || !value.startsWith(rma.prefix)) return false;
  const digits = value.slice(rma.prefix.length);
  return digits.length === rma.digits && /^\d+$/.test(digits);
}
