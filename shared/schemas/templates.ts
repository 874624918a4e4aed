import { z } from "zod";

// Message templates: the situations, the placeholders each offers, and the admin editor's inputs. The
// placeholder check lives here so the editor shows the same field error the API returns.

export const templateKeys = ["evidence_request", "rma_approved", "return_address_request", "refund_issued", "replacement_shipped"] as const;
export type TemplateKey = (typeof templateKeys)[number];

export const templateLabels: Record<TemplateKey, string> = {
  evidence_request: "Evidence request",
  rma_approved: "RMA approved",
  return_address_request: "Return address",
  refund_issued: "Refund issued",
  replacement_shipped: "Replacement shipped",
};

const common = ["customerName", "claimNumber", "orderNumber", "storeName", "agentName"] as const;

export const templatePlaceholders: Record<TemplateKey, readonly string[]> = {
  evidence_request: [...common, "missingList", "note"],
  rma_approved: [...common, "rmaNumber", "shipBy", "carriers"],
  return_address_request: [...common, "returnDestination", "returnAddress", "shipBy", "carriers", "freightNote"],
  refund_issued: [...common, "refundAmount", "refundReference", "payoutNote"],
  replacement_shipped: [...common, "trackingNumber", "carrier"],
};

/** Placeholders a text uses that the situation does not offer, in order of first use, each once. */
export function unknownPlaceholders(key: TemplateKey, text: string): string[] {
  const allowed = new Set(templatePlaceholders[key]);
  const found = [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((name) => !allowed.has(name)))];
}

const storeId = z.string().trim().min(1, "Choose a store.").max(40);
const key = z.enum(templateKeys, "Choose a situation.");

export const templateRefInput = z.object({ storeId, key });

export const saveTemplateInput = z
  .object({
    storeId,
    key,
    subject: z.string().trim().min(1, "Enter a subject.").max(200, "Subjects are at most 200 characters."),
    body: z.string().trim().min(1, "Enter the message text.").max(10_000, "Messages are at most 10,000 characters."),
  })
  .superRefine((v, ctx) => {
    for (const field of ["subject", "body"] as const) {
      const unknown = unknownPlaceholders(v.key, v[field]);
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `Unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(", ")}: this situation offers ${templatePlaceholders[v.key].join(", ")}.`,
        });
      }
    }
  });
export type SaveTemplateInput = z.input<typeof saveTemplateInput>;
