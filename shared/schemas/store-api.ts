import { z } from "zod";
import { claimReasons, evidenceKinds } from "../policy/enums.ts";
import { customerFactsInput } from "./case-facts.ts";

// The store API's bodies. The HTTP routes validate with these and the OpenAPI document is generated from
// them (z.toJSONSchema), so the published contract and the checks cannot drift apart.

export const orderNumberParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "Order numbers are 1–64 letters, digits, dots, dashes or underscores.");

const isoInstant = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, e.g. 2026-11-20T14:30:00Z." });
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional();

export const orderLineBody = z.object({
  sku: z.string().trim().min(1, "Enter the SKU.").max(64, "SKUs are at most 64 characters."),
  name: z.string().trim().min(1, "Enter the product name.").max(200, "Product names are at most 200 characters."),
  unitPriceCents: z.number({ error: "Unit price in integer cents." }).int("Unit price in integer cents.").min(0, "Prices cannot be negative.").max(100_000_000),
  quantity: z.number({ error: "Quantity as a whole number." }).int("Quantity as a whole number.").min(1, "Quantity is at least 1.").max(10_000),
  electronic: z.boolean().default(false),
  consumable: z.boolean().default(false),
  motor: z.boolean().default(false),
  partType: z.string().trim().max(40).optional(),
});

export const customerBody = z.object({
  email: z.email("Enter a valid e-mail address.").max(254),
  name: z.string().trim().min(1, "Enter the customer's name.").max(200),
  phone: optionalText(40),
});

export const shippingAddressBody = z.object({
  line1: z.string().trim().min(1).max(200),
  line2: optionalText(200),
  city: z.string().trim().min(1).max(100),
  region: optionalText(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z.string().trim().length(2, "Two-letter ISO country code."),
});

/** `PUT /api/v1/orders/{number}`: the whole order as the shop has it now (lines are replaced). */
export const upsertOrderBody = z
  .object({
    placedAt: isoInstant,
    currency: z.string().regex(/^[A-Z]{3}$/, "Three-letter ISO currency code, e.g. USD.").default("USD"),
    customer: customerBody,
    shippingAddress: shippingAddressBody.optional(),
    carrier: optionalText(60),
    trackingNumber: optionalText(80),
    shippedAt: isoInstant.optional(),
    deliveredAt: isoInstant.optional(),
    lines: z.array(orderLineBody).min(1, "An order has at least one line.").max(500, "At most 500 lines per order."),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.lines.forEach((line, i) => {
      const first = seen.get(line.sku);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["lines", i, "sku"], message: `SKU ${line.sku} is already line ${first}; one line per SKU.` });
      else seen.set(line.sku, i);
    });
    if (v.shippedAt && v.shippedAt < v.placedAt) ctx.addIssue({ code: "custom", path: ["shippedAt"], message: "Shipped before it was placed." });
    if (v.deliveredAt && v.shippedAt && v.deliveredAt < v.shippedAt) ctx.addIssue({ code: "custom", path: ["deliveredAt"], message: "Delivered before it shipped." });
  });
export type UpsertOrderBody = z.output<typeof upsertOrderBody>;

/** `POST /api/v1/claims`: the JSON body, or the `claim` part of a multipart request whose file parts are evidence. */
export const openClaimBody = z.object({
  orderNumber: orderNumberParam,
  reason: z.enum(claimReasons, { error: `One of: ${claimReasons.join(", ")}.` }),
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1, "Enter the SKU of the claimed line."),
        quantity: z.number({ error: "Quantity as a whole number." }).int("Quantity as a whole number.").min(1, "Quantity is at least 1."),
        note: optionalText(1000),
      }),
    )
    .min(1, "Claim at least one line.")
    .max(100),
  description: optionalText(5000),
  reportedAt: isoInstant.optional(),
  /** Repair pauses with their tracking numbers (warranty, L9) and freight the customer advanced (E4). */
  customerFacts: customerFactsInput.optional(),
});
export type OpenClaimBody = z.output<typeof openClaimBody>;

/** Multipart file parts are named after the evidence kind they are (`photo`, `video`, `packaging_photo`, …). */
export const evidenceFilePartNames = evidenceKinds;
export const maxApiEvidenceFiles = 10;
/** Files are held in memory until the claim exists, so the API takes smaller files than the app's upload. */
export const maxApiEvidenceFileBytes = 25 * 1024 * 1024;

export const orderView = z.object({
  number: z.string(),
  placedAt: z.string(),
  currency: z.string(),
  totalCents: z.number().int(),
  customer: z.object({ email: z.string(), name: z.string(), phone: z.string().nullable() }),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  lines: z.array(
    z.object({ sku: z.string(), name: z.string(), unitPriceCents: z.number().int(), quantity: z.number().int(), electronic: z.boolean(), consumable: z.boolean(), motor: z.boolean(), partType: z.string().nullable() }),
  ),
});
export type OrderView = z.infer<typeof orderView>;

export const upsertOrderResult = z.object({ created: z.boolean(), order: orderView });

export const claimView = z.object({
  number: z.string(),
  status: z.string(),
  reason: z.string(),
  orderNumber: z.string(),
  eligibility: z.string().nullable(),
  source: z.string(),
  reportedAt: z.string(),
  createdAt: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
  evidence: z.array(z.object({ kind: z.string(), fileName: z.string().nullable() })),
});
export type ClaimView = z.infer<typeof claimView>;

export const apiError = z.object({
  error: z.string().describe("Machine-readable code: validation_failed, unauthorized, not_found, conflict, idempotency_mismatch, rate_limited, …"),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional().describe("Per field (dotted path, e.g. lines.0.quantity): what is wrong."),
});

// Admin side: keys are created per store and shown once.
export const createApiKeyInput = z.object({
  storeId: z.string().min(1, "Choose a store."),
  name: z.string().trim().min(1, "Name the key (e.g. the shop system using it).").max(80, "At most 80 characters."),
  rateLimitPerMinute: z.number().int().min(1, "At least 1 request a minute.").max(6000, "At most 6000 requests a minute.").default(120),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
export const apiKeyIdInput = z.object({ id: z.number().int().positive() });
