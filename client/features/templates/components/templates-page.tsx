import { useQuery } from "@tanstack/react-query";
import { templateKeys, templateLabels, type TemplateKey } from "@shared/schemas/templates.ts";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { trpc } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils.ts";
import { TemplateEditor } from "./template-editor.tsx";

/** Store × situation picker (kept in the URL, so a link opens the same template) and the editor for the pair. */
export function TemplatesPage() {
  const storeSelectId = useId();
  const [params, setParams] = useSearchParams();
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const overrides = useQuery(trpc.templates.listTemplateOverrides.queryOptions());
  const storeId = params.get("store") ?? stores.data?.[0]?.id ?? "";
  const key = (templateKeys as readonly string[]).includes(params.get("key") ?? "") ? (params.get("key") as TemplateKey) : "evidence_request";
  const template = useQuery({ ...trpc.templates.getTemplate.queryOptions({ storeId, key }), enabled: !!storeId });
  const choose = (next: { store?: string; key?: TemplateKey }) => setParams({ store: next.store ?? storeId, key: next.key ?? key }, { replace: true });
  const customised = (k: TemplateKey) => overrides.data?.find((o) => o.storeId === storeId && o.key === k);
  const storeName = stores.data?.find((s) => s.id === storeId)?.name ?? storeId;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Message templates</h1>
        <p className="text-sm text-muted-foreground">What customers receive in each situation, per store. A saved template replaces the built-in wording for that store; every change is audited.</p>
      </div>
      <div className="grid gap-4 md:grid-cols-[220px_1fr]">
        <div className="grid content-start gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor={storeSelectId}>Store</Label>
            <Select value={storeId} onValueChange={(v) => choose({ store: v })}>
              <SelectTrigger id={storeSelectId} className="w-full">
                <SelectValue placeholder="Choose a store" />
              </SelectTrigger>
              <SelectContent>
                {stores.data?.map((s) => (
                  <SelectItem key={s.id} value={s.id}>
                    {s.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <nav aria-label="Situations" className="grid gap-0.5">
            {templateKeys.map((k) => (
              <button
                key={k}
                type="button"
                aria-current={k === key ? "page" : undefined}
                onClick={() => choose({ key: k })}
                className={cn(
                  "flex items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                  k === key && "bg-accent font-medium",
                )}
              >
                {templateLabels[k]}
                {customised(k) && <Badge variant="info">Customised</Badge>}
              </button>
            ))}
          </nav>
        </div>
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="flex items-center gap-2 text-sm">
              {templateLabels[key]} · {storeName}
              {template.data && <Badge variant={template.data.overridden ? "info" : "muted"}>{template.data.overridden ? "Customised" : "Default wording"}</Badge>}
            </CardTitle>
            <CardDescription className="text-xs">
              {customised(key)?.updatedByName ? `Last changed by ${customised(key)!.updatedByName}. ` : ""}Placeholders are filled from the claim when an agent writes to the customer.
            </CardDescription>
          </CardHeader>
          <CardContent className="px-4">
            {template.isError ? (
              <p className="text-sm text-destructive">{template.error.message}</p>
            ) : !template.data ? (
              <div className="grid gap-2" aria-label="Loading the template">
                <Skeleton className="h-9 w-full" />
                <Skeleton className="h-72 w-full" />
              </div>
            ) : (
              <TemplateEditor template={template.data} storeName={storeName} />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
