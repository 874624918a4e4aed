import { useQuery } from "@tanstack/react-query";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import { roleLabels, roles } from "@shared/roles.ts";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { trpc } from "@/lib/trpc.ts";

export type RoleStores = { role: (typeof roles)[number]; storeIds?: string[] };

const roleHints = {
  agent: "Works claims in their stores.",
  supervisor: "Also approves refunds and exceptions in their stores.",
  admin: "Sees every store; manages people and policies.",
} as const;

/** Role select and store checkboxes, shared by the create dialog and the edit sheet. */
/** Both forms hold `role` and `storeIds`; pass `form.control as RoleStoresControl` (react-hook-form cannot narrow a wider form). */
export type RoleStoresControl = Control<RoleStores>;

export function RoleAndStoresFields({ control, errors, role }: { control: RoleStoresControl; errors: FieldErrors<RoleStores>; role: RoleStores["role"] }) {
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  return (
    <>
      <Field id="user-role" label="Role" error={errors.role?.message}>
        <Controller
          control={control}
          name="role"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger {...invalid("user-role", errors.role?.message)} className="w-full">
                <SelectValue placeholder="Choose a role" />
              </SelectTrigger>
              <SelectContent>
                {roles.map((r) => (
                  <SelectItem key={r} value={r}>
                    {roleLabels[r]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
        <p className="text-xs text-muted-foreground">{roleHints[role]}</p>
      </Field>
      <fieldset className="grid gap-2" aria-describedby={errors.storeIds ? "user-stores-error" : undefined} disabled={role === "admin"}>
        <legend className="mb-1 text-sm font-medium">Stores</legend>
        {role === "admin" ? (
          <p className="text-xs text-muted-foreground">Admins work every store.</p>
        ) : (
          <Controller
            control={control}
            name="storeIds"
            render={({ field }) => (
              <div className="grid grid-cols-2 gap-2">
                {(stores.data ?? []).map((s) => {
                  const checked = (field.value ?? []).includes(s.id);
                  return (
                    <div key={s.id} className="flex items-center gap-2">
                      <Checkbox
                        id={`store-${s.id}`}
                        checked={checked}
                        onCheckedChange={(on) => field.onChange(on ? [...(field.value ?? []), s.id] : (field.value ?? []).filter((v) => v !== s.id))}
                      />
                      <Label htmlFor={`store-${s.id}`} className="font-normal">
                        {s.name}
                      </Label>
                    </div>
                  );
                })}
              </div>
            )}
          />
        )}
        {errors.storeIds && (
          <p id="user-stores-error" className="text-xs text-destructive">
            {errors.storeIds.message}
          </p>
        )}
      </fieldset>
    </>
  );
}
