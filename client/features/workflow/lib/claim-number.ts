/** "123", "clm-123" or "CLM-000123" → "CLM-000123"; anything else → null. */
export function claimNumberFrom(text: string): string | null {
  const m = /^\s*(?:clm-?)?(\d{1,9})\s*$/i.exec(text);
  return m ? `CLM-${m[1]!.padStart(6, "0")}` : null;
}
