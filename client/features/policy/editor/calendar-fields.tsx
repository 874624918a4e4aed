import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { checkHoliday } from "@shared/policy/parameters.ts";
import type { PolicyEditorValues } from "@shared/schemas/policy.ts";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";

// Offered as suggestions only; the check (parameters-check.ts) decides what is valid.
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

/** The store's time zone and holiday list: every working-day deadline (E7, C8, C10 …) counts with them. */
export function CalendarFields() {
  const { register, formState, setError, clearErrors } = useFormContext<PolicyEditorValues>();
  const holidays = useFieldArray<PolicyEditorValues, "holidays">({ name: "holidays" });
  const [draft, setDraft] = useState("");
  const tzError = formState.errors.timeZone?.message;
  const draftError = formState.errors.root?.holidayDraft?.message;

  function addHoliday() {
    const problem = checkHoliday(draft);
    if (problem) return setError("root.holidayDraft", { message: problem });
    clearErrors("root.holidayDraft");
    holidays.append({ date: draft });
    setDraft("");
  }

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor="policy-time-zone">Time zone</Label>
        <Input id="policy-time-zone" list="policy-time-zones" autoComplete="off" className="h-8" aria-invalid={!!tzError} aria-describedby={tzError ? "policy-time-zone-error" : undefined} {...register("timeZone")} />
        <datalist id="policy-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {tzError && <p id="policy-time-zone-error" role="alert" className="text-xs text-destructive">{tzError}</p>}
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Holidays</legend>
        {holidays.fields.length === 0 && <p className="text-xs text-muted-foreground">No holidays: working days are Monday to Friday.</p>}
        <ul className="grid gap-1.5">
          {holidays.fields.map((field, i) => {
            const error = formState.errors.holidays?.[i]?.date?.message;
            return (
              <li key={field.id} className="grid gap-1">
                <div className="flex items-center gap-1.5">
                  <Input type="date" aria-label={`Holiday ${i + 1}`} className="h-8" aria-invalid={!!error} {...register(`holidays.${i}.date`)} />
                  <Button type="button" size="icon-sm" variant="ghost" onClick={() => holidays.remove(i)} aria-label={`Remove holiday ${i + 1}`}>
                    <X aria-hidden />
                  </Button>
                </div>
                {error && <p role="alert" className="text-xs text-destructive">{error}</p>}
              </li>
            );
          })}
        </ul>
        <div className="flex items-center gap-1.5">
          <Input
            type="date"
            aria-label="New holiday"
            className="h-8"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addHoliday();
              }
            }}
          />
          <Button type="button" size="sm" variant="outline" onClick={addHoliday} disabled={!draft}>
            <Plus aria-hidden /> Add
          </Button>
        </div>
        {draftError && <p role="alert" className="text-xs text-destructive">{draftError}</p>}
      </fieldset>
    </div>
  );
}
