import { z } from "zod";

// CSV order import for stores without an API: one row per order line; order-level columns repeat on
// every line of the order and must agree. The template download and the server's parser use this list.

export const orderImportColumns = [
  { name: "order_number", required: true, example: "KIN-20001", help: "The shop's order number." },
  { name: "placed_at", required: true, example: "2026-11-02T10:15:00Z", help: "ISO date (2026-11-02) or date-time with zone." },
  { name: "customer_email", required: true, example: "ada@example.com", help: "One customer per store and e-mail." },
  { name: "customer_name", required: true, example: "Ada Lovelace", help: "" },
  { name: "customer_phone", required: false, example: "", help: "" },
  { name: "currency", required: false, example: "USD", help: "Three letters; USD when empty." },
  { name: "sku", required: true, example: "KB-100", help: "One line per SKU within an order." },
  { name: "name", required: true, example: "Mechanical keyboard", help: "Product name." },
  { name: "unit_price", required: true, example: "129.99", help: "Decimal with at most 2 decimals, no currency sign." },
  { name: "quantity", required: true, example: "1", help: "Whole number, at least 1." },
  { name: "electronic", required: false, example: "yes", help: "yes/no (true/false, 1/0); no when empty." },
  { name: "consumable", required: false, example: "no", help: "" },
  { name: "motor", required: false, example: "no", help: "" },
  { name: "part_type", required: false, example: "", help: "" },
  { name: "shipped_at", required: false, example: "2026-11-03", help: "" },
  { name: "delivered_at", required: false, example: "2026-11-05", help: "" },
  { name: "carrier", required: false, example: "UPS", help: "" },
  { name: "tracking_number", required: false, example: "1Z999", help: "" },
] as const;
export type OrderImportColumn = (typeof orderImportColumns)[number]["name"];

export const orderImportTemplate = () =>
  `${orderImportColumns.map((c) => c.name).join(",")}\n${orderImportColumns.map((c) => c.example).join(",")}\n`;

export const maxOrderImportBytes = 2 * 1024 * 1024;
export const maxOrderImportRows = 5000;

/** "129.99" → 12999. Decimal text only (never a float): 3 decimals, signs, separators and symbols are refused. */
export function parseMoneyToCents(text: string): { cents: number } | { error: string } {
  const t = text.trim();
  if (!t) return { error: "Enter the unit price." };
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) {
    if (/^\d+\.\d{3,}$/.test(t)) return { error: `"${t}" has more than 2 decimals; prices are in whole cents.` };
    return { error: `"${t}" is not a price; write it like 129.99 (no currency sign or thousands separator).` };
  }
  return { cents: Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) };
}

const csvText = z
  .string()
  .min(1, "Choose a CSV file.")
  .refine((s) => s.length <= maxOrderImportBytes, `The file is larger than ${maxOrderImportBytes / 1048576} MB; split it.`);

export const previewOrderImportInput = z.object({ storeId: z.string().min(1, "Choose a store."), csv: csvText });
export type PreviewOrderImportInput = z.input<typeof previewOrderImportInput>;
export const commitOrderImportInput = previewOrderImportInput.extend({ skipInvalid: z.boolean().default(false) });
export type CommitOrderImportInput = z.input<typeof commitOrderImportInput>;

export type OrderImportIssue = { row: number; column: OrderImportColumn | "row"; message: string };
