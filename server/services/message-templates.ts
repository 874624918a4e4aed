import type { StoreKey } from "../../shared/policy/enums.ts";

/**
 * Outgoing messages as data: one template per situation, with optional per-store wording. Placeholders are
 * `{{name}}`; rendering refuses an unknown one, so an edited template with a typo fails loudly instead of
 * mailing "{{custmerName}}" to a customer. Plain data on purpose: an admin editor can load and save it later.
 */
export type MessageTemplate = { subject: string; body: string };
export type TemplateKey = "evidence_request";

export const templatePlaceholders: Record<TemplateKey, readonly string[]> = {
  evidence_request: ["customerName", "claimNumber", "orderNumber", "storeName", "missingList", "note", "agentName"],
};

export const messageTemplates: Record<TemplateKey, { default: MessageTemplate; stores: Partial<Record<StoreKey, MessageTemplate>> }> = {
  evidence_request: {
    default: {
      subject: "Your claim {{claimNumber}}: we need a little more from you",
      body: [
        "Hello {{customerName}},",
        "",
        "Thank you for contacting {{storeName}} about order {{orderNumber}}. To assess your claim {{claimNumber}} under our after-sales policy we still need:",
        "",
        "{{missingList}}",
        "{{note}}",
        "Simply reply to this e-mail with the files or details attached. Until we receive them your claim is on hold; we will pick it up as soon as they arrive.",
        "",
        "Kind regards,",
        "{{agentName}}",
        "{{storeName}} customer service",
      ].join("\n"),
    },
    stores: {
      // chipyard's returns are RMA-based (C1): say the parcel must wait for our authorisation.
      chipyard: {
        subject: "[{{claimNumber}}] Information needed for your return request",
        body: [
          "Hello {{customerName}},",
          "",
          "We are reviewing your request {{claimNumber}} for order {{orderNumber}}. Before we can decide on it, please send us:",
          "",
          "{{missingList}}",
          "{{note}}",
          "Please do not ship anything back yet: an RMA number is issued once the request is approved, and parcels without one cannot be accepted.",
          "",
          "Best regards,",
          "{{agentName}}",
          "{{storeName}} support",
        ].join("\n"),
      },
    },
  },
};

export function templateFor(key: TemplateKey, store: string): MessageTemplate {
  const entry = messageTemplates[key];
  return entry.stores[store as StoreKey] ?? entry.default;
}

export function renderTemplate(key: TemplateKey, template: MessageTemplate, values: Record<string, string>): MessageTemplate {
  const allowed = new Set(templatePlaceholders[key]);
  const fill = (text: string) =>
    text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
      if (!allowed.has(name) || !(name in values)) throw new Error(`Template "${key}" uses an unknown placeholder {{${name}}}.`);
      return values[name]!;
    });
  // An empty optional block (no note) must not leave a run of blank lines behind.
  return { subject: fill(template.subject).trim(), body: fill(template.body).replace(/\n{3,}/g, "\n\n").trim() };
}
