import { Plus, X } from "lucide-react";
import type { CustomerFactsInput } from "@shared/schemas/case-facts.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";

type PauseDraft = { leftOn: string; backOn: string; leftTracking: string; backTracking: string };
type CustomerFactsDraft = { pauses: PauseDraft[]; freightAmount: string; freightInvoice: string };
export const emptyCustomerFacts: CustomerFactsDraft = { pauses: [], freightAmount: "", freightInvoice: "" };

/** "12.50" to cents; unreadable text is NaN so the schema names the field. */
function cents(text: string): number | undefined {
  const t = text.replace(/[$,\s]/g, "");
  if (t === "") return undefined;
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return Number.NaN;
  const [whole, fraction = ""] = t.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** The draft as the shared schema's `customerFacts` (undefined when the customer told us nothing). */
export function toCustomerFacts(d: CustomerFactsDraft): CustomerFactsInput | undefined {
  const amount = cents(d.freightAmount);
  const freight = amount !== undefined || d.freightInvoice.trim() ? { amountCents: amount ?? 0, invoiceReference: d.freightInvoice } : undefined;
  if (d.pauses.length === 0 && !freight) return undefined;
  return { ...(d.pauses.length ? { repairPauses: d.pauses } : {}), ...(freight ? { advancedFreight: freight } : {}) };
}

/** What only the customer knows and the policy reads: repair pauses with tracking (L9), freight they advanced (E4). */
export function CustomerFactsFields({ value, onChange, errors }: { value: CustomerFactsDraft; onChange: (next: CustomerFactsDraft) => void; errors: Record<string, string> }) {
  const setPause = (i: number, patch: Partial<PauseDraft>) => onChange({ ...value, pauses: value.pauses.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const err = (path: string) => errors[`customerFacts.${path}`];
  const open = value.pauses.length > 0 || !!value.freightAmount || !!value.freightInvoice;
  return (
    <details open={open} className="group rounded-md border px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium">Repair pauses and freight the customer paid <span className="font-normal text-muted-foreground">(optional)</span></summary>
      <div className="mt-3 grid gap-4">
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-xs text-muted-foreground">Times the product was away for repair: each extends the warranty, in some stores only with both tracking numbers.</legend>
          {value.pauses.map((p, i) => (
            <div key={i} role="group" aria-label={`Repair pause ${i + 1}`} className="grid gap-2 rounded-md bg-muted/30 p-2">
              <div className="flex items-center justify-between text-xs font-medium">
                Repair pause {i + 1}
                <Button type="button" variant="ghost" size="icon-xs" aria-label={`Remove repair pause ${i + 1}`} onClick={() => onChange({ ...value, pauses: value.pauses.filter((_, j) => j !== i) })}><X aria-hidden /></Button>
              </div>
              <div className="grid grid-cols-2 gap-2">
                <Field id={`cf-left-${i}`} label="Left the customer" error={err(`repairPauses.${i}.leftOn`)}><Input id={`cf-left-${i}`} type="date" value={p.leftOn} onChange={(e) => setPause(i, { leftOn: e.target.value })} /></Field>
                <Field id={`cf-back-${i}`} label="Back with the customer" error={err(`repairPauses.${i}.backOn`)}><Input id={`cf-back-${i}`} type="date" value={p.backOn} onChange={(e) => setPause(i, { backOn: e.target.value })} /></Field>
                <Field id={`cf-lt-${i}`} label="Tracking, to repair" error={err(`repairPauses.${i}.leftTracking`)}><Input id={`cf-lt-${i}`} autoComplete="off" value={p.leftTracking} onChange={(e) => setPause(i, { leftTracking: e.target.value })} /></Field>
                <Field id={`cf-bt-${i}`} label="Tracking, back" error={err(`repairPauses.${i}.backTracking`)}><Input id={`cf-bt-${i}`} autoComplete="off" value={p.backTracking} onChange={(e) => setPause(i, { backTracking: e.target.value })} /></Field>
              </div>
            </div>
          ))}
          <Button type="button" variant="outline" size="xs" className="w-fit" onClick={() => onChange({ ...value, pauses: [...value.pauses, { leftOn: "", backOn: "", leftTracking: "", backTracking: "" }] })}>
            <Plus aria-hidden /> Add repair pause
          </Button>
        </fieldset>
        <div className="grid max-w-md grid-cols-2 gap-2">
          <Field id="cf-freight-amount" label="Freight paid by the customer" error={err("advancedFreight.amountCents")}>
            <Input id="cf-freight-amount" inputMode="decimal" placeholder="0.00" value={value.freightAmount} onChange={(e) => onChange({ ...value, freightAmount: e.target.value })} />
          </Field>
          <Field id="cf-freight-invoice" label="Its invoice reference" error={err("advancedFreight.invoiceReference")}>
            <Input id="cf-freight-invoice" value={value.freightInvoice} onChange={(e) => onChange({ ...value, freightInvoice: e.target.value })} />
          </Field>
        </div>
      </div>
    </details>
  );
}
