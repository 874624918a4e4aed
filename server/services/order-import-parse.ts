import { parse } from "csv-parse/sync";
import {
  maxOrderImportRows,
  orderImportColumns,
  parseMoneyToCents,
  type OrderImportColumn,
  type OrderImportIssue,
} from "../../shared/schemas/order-import.ts";
import { customerBody, orderNumberParam, type UpsertOrderBody } from "../../shared/schemas/store-api.ts";

export type ParsedRow = {
  row: number;
  orderNumber: string;
  sku: string;
  name: string;
  unitPriceCents: number | null;
  quantity: number | null;
  issues: OrderImportIssue[];
};
export type ParsedOrder = { number: string; rows: number[]; body: UpsertOrderBody };
export type ParsedImport = { rows: ParsedRow[]; orders: ParsedOrder[]; fileIssues: string[] };

const known = new Set<string>(orderImportColumns.map((c) => c.name));
const required = orderImportColumns.filter((c) => c.required).map((c) => c.name);
const booleans: Record<string, boolean> = { "": false, yes: true, no: false, true: true, false: false, "1": true, "0": false, y: true, n: false };

function instant(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? null : `${t}T00:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Order-level columns: repeated on each line of an order, they must say the same thing every time. */
const orderColumns = ["placed_at", "customer_email", "customer_name", "customer_phone", "currency", "shipped_at", "delivered_at", "carrier", "tracking_number"] as const;

/**
 * Reads the CSV into rows with every problem named by row number (the spreadsheet's, header = 1) and
 * column, and groups valid lines into orders. An order with any bad row is left out of `orders` whole:
 * importing part of an order would drop its other lines on upsert.
 */
export function parseOrderCsv(csv: string): ParsedImport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as never;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], orders: [], fileIssues: [`The file is not valid CSV${e.lines ? ` (near line ${e.lines})` : ""}: ${e.message.replace(/^Invalid [^:]*:\s*/, "")}`] };
  }
  if (records.length === 0) return { rows: [], orders: [], fileIssues: ["The file is empty."] };
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !known.has(h));
  const fileIssues: string[] = [];
  if (missing.length) fileIssues.push(`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. Download the template for the expected header.`);
  if (unknown.length) fileIssues.push(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  if (records.length - 1 > maxOrderImportRows) fileIssues.push(`The file has ${records.length - 1} rows; import at most ${maxOrderImportRows} at a time.`);
  if (fileIssues.length) return { rows: [], orders: [], fileIssues };

  const rows: ParsedRow[] = [];
  const byOrder = new Map<string, { first: Record<string, string>; firstRow: number; rows: ParsedRow[]; lines: UpsertOrderBody["lines"] }>();
  for (const { record, info } of records.slice(1)) {
    const rowNumber = info.lines;
    const v = Object.fromEntries(header.map((h, i) => [h, (record[i] ?? "").trim()])) as Record<OrderImportColumn, string>;
    const issues: OrderImportIssue[] = [];
    const problem = (column: OrderImportIssue["column"], message: string) => issues.push({ row: rowNumber, column, message });
    if (record.length !== header.length) problem("row", `Has ${record.length} cells; the header has ${header.length}.`);

    if (!orderNumberParam.safeParse(v.order_number).success) problem("order_number", v.order_number ? "Order numbers are letters, digits, dots, dashes or underscores." : "Enter the order number.");
    if (!v.placed_at) problem("placed_at", "Enter when the order was placed.");
    else if (!instant(v.placed_at)) problem("placed_at", `"${v.placed_at}" is not a date; use 2026-11-02 or 2026-11-02T10:15:00Z.`);
    for (const col of ["shipped_at", "delivered_at"] as const) if (v[col] && !instant(v[col])) problem(col, `"${v[col]}" is not a date; use 2026-11-02 or 2026-11-02T10:15:00Z.`);
    const customer = customerBody.safeParse({ email: v.customer_email, name: v.customer_name, phone: v.customer_phone || undefined });
    if (!customer.success) for (const i of customer.error.issues) problem(`customer_${String(i.path[0])}` as OrderImportColumn, i.message);
    if (v.currency && !/^[A-Z]{3}$/.test(v.currency)) problem("currency", "Three capital letters, e.g. USD.");
    if (!v.sku) problem("sku", "Enter the SKU.");
    if (!v.name) problem("name", "Enter the product name.");
    const price = parseMoneyToCents(v.unit_price ?? "");
    if ("error" in price) problem("unit_price", price.error);
    const quantity = /^\d{1,5}$/.test(v.quantity ?? "") && Number(v.quantity) >= 1 ? Number(v.quantity) : null;
    if (quantity === null) problem("quantity", v.quantity ? `"${v.quantity}" is not a whole number of at least 1.` : "Enter the quantity.");
    const flags = { electronic: false, consumable: false, motor: false };
    for (const col of ["electronic", "consumable", "motor"] as const) {
      const b = booleans[(v[col] ?? "").toLowerCase()];
      if (b === undefined) problem(col, `"${v[col]}" is not yes or no.`);
      else flags[col] = b;
    }

    const parsed: ParsedRow = { row: rowNumber, orderNumber: v.order_number, sku: v.sku, name: v.name, unitPriceCents: "cents" in price ? price.cents : null, quantity, issues };
    rows.push(parsed);
    if (!v.order_number) continue;
    let group = byOrder.get(v.order_number);
    if (!group) byOrder.set(v.order_number, (group = { first: v, firstRow: rowNumber, rows: [], lines: [] }));
    else {
      for (const col of orderColumns) {
        if ((v[col] ?? "") !== (group.first[col] ?? "")) problem(col, `Differs from row ${group.firstRow} of order ${v.order_number} ("${group.first[col] ?? ""}").`);
      }
      const dup = group.rows.find((r) => r.sku === v.sku);
      if (dup && v.sku) problem("sku", `SKU ${v.sku} is already on row ${dup.row} of this order; one row per SKU.`);
    }
    group.rows.push(parsed);
    if (issues.length === 0) {
      group.lines.push({ sku: v.sku, name: v.name, unitPriceCents: (price as { cents: number }).cents, quantity: quantity!, ...flags, partType: v.part_type || undefined });
    }
  }

  const orders: ParsedOrder[] = [];
  for (const [number, g] of byOrder) {
    if (g.rows.some((r) => r.issues.length)) continue;
    const f = g.first;
    orders.push({
      number,
      rows: g.rows.map((r) => r.row),
      body: {
        placedAt: instant(f.placed_at!)!,
        currency: f.currency || "USD",
        customer: { email: f.customer_email!, name: f.customer_name!, phone: f.customer_phone || undefined },
        carrier: f.carrier || undefined,
        trackingNumber: f.tracking_number || undefined,
        shippedAt: f.shipped_at ? instant(f.shipped_at)! : undefined,
        deliveredAt: f.delivered_at ? instant(f.delivered_at)! : undefined,
        lines: g.lines,
      },
    });
  }
  return { rows, orders, fileIssues: [] };
}
