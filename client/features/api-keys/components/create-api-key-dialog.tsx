import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { KeyRound, Loader2 } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { createApiKeyInput, type CreateApiKeyInput } from "@shared/schemas/store-api.ts";
import { ShownOnceSecret } from "@/components/shown-once-secret.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { queryClient, trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { showServerErrors } from "@/lib/form-errors.ts";

type Created = RouterOutputs["apiKeys"]["createApiKey"];
const empty: CreateApiKeyInput = { storeId: "", name: "", rateLimitPerMinute: 120 };

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeyInput), defaultValues: empty });
  const create = useMutation(
    trpc.apiKeys.createApiKey.mutationOptions({
      onSuccess: (data) => {
        setCreated(data);
        void queryClient.invalidateQueries(trpc.apiKeys.listApiKeys.pathFilter());
      },
      onError: (error) => {
        showServerErrors(error, form.setError);
      },
    }),
  );
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing forgets the key for good: the server keeps only its hash.
    if (!next) {
      setCreated(null);
      form.reset(empty);
      create.reset();
    }
  };
  const { errors } = form.formState;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <KeyRound aria-hidden /> Create key
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{created ? `Key for ${created.storeName}` : "Create an API key"}</DialogTitle>
          <DialogDescription>
            {created ? "Give it to the shop system that will call the API." : "A key acts for one store only: it can upsert that store's orders and open claims on them."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <ShownOnceKey value={created.key} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((v) => create.mutate(v))}>
            <Field id="key-store" label="Store" error={errors.storeId?.message}>
              <Controller
                control={form.control}
                name="storeId"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger {...invalid("key-store", errors.storeId?.message)} className="w-full">
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
                )}
              />
            </Field>
            <Field id="key-name" label="Name" hint=" — who uses it" error={errors.name?.message}>
              <Input {...invalid("key-name", errors.name?.message)} placeholder="e.g. Shopify order sync" autoComplete="off" {...form.register("name")} />
            </Field>
            <Field id="key-rate" label="Requests per minute" error={errors.rateLimitPerMinute?.message}>
              <Input {...invalid("key-rate", errors.rateLimitPerMinute?.message)} type="number" min={1} max={6000} className="w-32" {...form.register("rateLimitPerMinute", { valueAsNumber: true })} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending && <Loader2 className="animate-spin" aria-hidden />}
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function ShownOnceKey({ value }: { value: string }) {
  return (
    <ShownOnceSecret id="new-api-key" label="API key" noun="key" value={value}>
      Copy the key now and store it in the shop system's secrets. We keep only a hash: it cannot be shown again. Lost keys are revoked and replaced.
    </ShownOnceSecret>
  );
}
