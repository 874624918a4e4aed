import type { StoreKey } from "../../shared/policy/enums.ts";
import { templateKeys, templatePlaceholders, unknownPlaceholders, type TemplateKey } from "../../shared/schemas/templates.ts";

/**
 * Outgoing messages as data: one template per situation, with optional per-store wording where the store's
 * own policy text differs (clause ids beside each). Placeholders are `{{name}}`; rendering refuses an unknown
 * one, so an edited template with a typo fails loudly instead of mailing "{{custmerName}}" to a customer.
 * Admin overrides (message_template_overrides) win over these defaults: see message-template-store.ts.
 */
export type MessageTemplate = { subject: string; body: string };
export { templateKeys, templatePlaceholders, unknownPlaceholders, type TemplateKey };

const lines = (...l: string[]) => l.join("\n");
const signOff = lines("", "Kind regards,", "{{agentName}}", "{{storeName}} customer service");

export const messageTemplates: Record<TemplateKey, { default: MessageTemplate; stores: Partial<Record<StoreKey, MessageTemplate>> }> = {
  evidence_request: {
    default: {
      subject: "Your claim {{claimNumber}}: we need a little more from you",
      body: lines(
        "Hello {{customerName}},",
        "",
        "Thank you for contacting {{storeName}} about order {{orderNumber}}. To assess your claim {{claimNumber}} under our after-sales policy we still need:",
        "",
        "{{missingList}}",
        "{{note}}",
        "Simply reply to this e-mail with the files or details attached. Until we receive them your claim is on hold; we will pick it up as soon as they arrive.",
        signOff,
      ),
    },
    stores: {
      // chipyard's returns are RMA-based (C1): say the parcel must wait for our authorisation.
      chipyard: {
        subject: "[{{claimNumber}}] Information needed for your return request",
        body: lines(
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
        ),
      },
    },
  },
  rma_approved: {
    default: {
      subject: "Your return for claim {{claimNumber}} is approved",
      body: lines(
        "Hello {{customerName}},",
        "",
        "Your return for order {{orderNumber}} (claim {{claimNumber}}) is approved. Your return authorisation number is {{rmaNumber}}.",
        "",
        "- Please ship the parcel by {{shipBy}}.",
        "- Carrier: {{carriers}}.",
        "- Write {{rmaNumber}} on the outside of the parcel and reply to this e-mail with the tracking number.",
        signOff,
      ),
    },
    stores: {
      // C1 (RMA on the parcel), C2 (FedEx or DHL only, other carriers refused), C9 (7 natural days or the right is waived).
      chipyard: {
        subject: "[{{claimNumber}}] RMA {{rmaNumber}} issued for your return",
        body: lines(
          "Hello {{customerName}},",
          "",
          "Your return request {{claimNumber}} for order {{orderNumber}} is approved. Your RMA number is {{rmaNumber}}.",
          "",
          "- The RMA number must be clearly marked on the parcel; parcels without it cannot be accepted.",
          "- Ship with {{carriers}} only: parcels sent with any other carrier are refused.",
          "- Ship by {{shipBy}}. A return shipped later than that can no longer be accepted.",
          "- Goods must be returned with their original packaging and all accessories.",
          "",
          "Please reply with the tracking number once the parcel is on its way.",
          "",
          "Best regards,",
          "{{agentName}}",
          "{{storeName}} support",
        ),
      },
    },
  },
  return_address_request: {
    // Our answer when a customer asks where to send the goods back (K4, E "ask for the correct return address").
    default: {
      subject: "Return address for claim {{claimNumber}}",
      body: lines(
        "Hello {{customerName}},",
        "",
        "Thank you for your message about order {{orderNumber}} (claim {{claimNumber}}). Please send the item back to:",
        "",
        "{{returnAddress}}",
        "",
        "Please ship by {{shipBy}} ({{carriers}}), include your claim number {{claimNumber}} in the parcel, and reply to this e-mail with the tracking number.",
        // E4: the prepaid label the agent recorded, when the store pays the return (empty otherwise).
        "{{freightNote}}",
        signOff,
      ),
    },
    stores: {
      // K4: change-of-mind returns are at the customer's cost and accepted only with a tracking number; K6: the local
      // warehouse unless the agent routed the return to the manufacturer (returnDestination, returnAddress follow it).
      kinetic: {
        subject: "Return address for claim {{claimNumber}}",
        body: lines(
          "Hello {{customerName}},",
          "",
          "You can return the item from order {{orderNumber}} to {{returnDestination}}:",
          "",
          "{{returnAddress}}",
          "",
          "Please note that return shipping is at your own cost, and that we can only accept the return once you have sent us the tracking number of the parcel (reply to this e-mail with it). The refund depends on the condition in which the item arrives.",
          signOff,
        ),
      },
    },
  },
  refund_issued: {
    default: {
      subject: "Refund issued for claim {{claimNumber}}",
      body: lines(
        "Hello {{customerName}},",
        "",
        "We have issued a refund of {{refundAmount}} for order {{orderNumber}} (claim {{claimNumber}}). Refund reference: {{refundReference}}.",
        "",
        "{{payoutNote}}",
        signOff,
      ),
    },
    stores: {},
  },
  replacement_shipped: {
    default: {
      subject: "Your replacement for claim {{claimNumber}} is on its way",
      body: lines(
        "Hello {{customerName}},",
        "",
        "Good news: the replacement for order {{orderNumber}} (claim {{claimNumber}}) has shipped with {{carrier}}.",
        "Tracking number: {{trackingNumber}}",
        signOff,
      ),
    },
    stores: {
      // L8: a replacement part keeps the original warranty end date; say so, customers often assume a fresh year.
      layerworks: {
        subject: "Your replacement part for claim {{claimNumber}} is on its way",
        body: lines(
          "Hello {{customerName}},",
          "",
          "The replacement part for order {{orderNumber}} (claim {{claimNumber}}) has shipped with {{carrier}}.",
          "Tracking number: {{trackingNumber}}",
          "",
          "Please note that the replacement part is covered until the end of your kit's original warranty; the warranty does not restart.",
          signOff,
        ),
      },
    },
  },
};

/** Plausible values for the editor's live preview, so an admin sees the wording as a customer would. */
export function sampleValues(key: TemplateKey, storeName: string): Record<string, string> {
  const all: Record<string, string> = {
    customerName: "Robin",
    claimNumber: "CLM-001234",
    orderNumber: "100482",
    storeName,
    agentName: "Alex Agent",
    missingList: "- a photo of the product showing the problem (policy clause E3)\n- a photo of the packaging as it arrived (policy clause E3)",
    note: "",
    rmaNumber: "RMA004815162",
    shipBy: "Monday 30 November 2026",
    carriers: "FedEx or DHL",
    returnAddress: "Returns desk\n1 Example Street\n1000 Example City",
    returnDestination: "our local warehouse",
    freightNote: "Return shipping is on us: please use the prepaid label we sent you (1Z999AA10123456784).",
    refundAmount: "$49.90",
    refundReference: "RF-2026-000812",
    payoutNote: "Depending on your bank, the funds reach your account in 5–10 business days.",
    trackingNumber: "1Z999AA10123456784",
    carrier: "UPS",
  };
  return Object.fromEntries(templatePlaceholders[key].map((p) => [p, all[p] ?? ""]));
}

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
