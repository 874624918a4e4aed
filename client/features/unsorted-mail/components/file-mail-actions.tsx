import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, Trash2 } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "@/lib/toast.ts";
import type { ClaimReason } from "@shared/policy/enums.ts";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import { fieldErrors, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

function useFiled() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (number: string) => {
    toast.success(`Mail filed on ${number}`);
    // The mail became the claim's evidence and timeline entry (or a new claim): every view of it reloads.
    await Promise.all([queryClient.invalidateQueries(trpc.inboundMail.pathFilter()), invalidateClaim()]);
    navigate(paths.claim(number));
  };
}

/** Attach to an existing claim by its number (the customer wrote from another address, or quoted nothing). */
export function AttachToClaimForm({ id }: { id: number }) {
  const fieldId = useId();
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string>();
  const filed = useFiled();
  const attach = useMutation(
    trpc.inboundMail.attachMailToClaim.mutationOptions({
      onSuccess: (r) => filed(r.number),
      onError: (e) => {
        const f = fieldErrors(e);
        setError(f.number?.[0] ?? e.message);
      },
    }),
  );
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label="Attach to a claim"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        attach.mutate({ id, number: number.trim() });
      }}
    >
      <Field id={fieldId} label="Attach to claim" error={error} className="w-56">
        <Input placeholder="CLM-000123" value={number} onChange={(e) => setNumber(e.target.value)} {...invalid(fieldId, error)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={attach.isPending || number.trim().length < 5}>
        {attach.isPending && <Loader2 className="animate-spin" aria-hidden />} Attach
      </Button>
    </form>
  );
}

/** Open a claim for an order the agent finds (by number or the customer's real address); every claimable line. */
export function OpenClaimForOrderForm({ id }: { id: number }) {
  const ids = { query: useId(), order: useId(), reason: useId() };
  const [query, setQuery] = useState("");
  const [settled, setSettled] = useState("");
  const [orderId, setOrderId] = useState<string>("");
  const [reason, setReason] = useState<string>("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    const t = setTimeout(() => setSettled(query.trim()), 300);
    return () => clearTimeout(t);
  }, [query]);
  const orders = useQuery({ ...trpc.intake.findOrders.queryOptions({ query: settled }), enabled: settled.length >= 2, placeholderData: keepPreviousData });
  const order = orders.data?.find((o) => String(o.id) === orderId);
  const filed = useFiled();
  const open = useMutation(
    trpc.inboundMail.openClaimFromMail.mutationOptions({
      onSuccess: (r) => filed(r.number),
      onError: (e) => {
        const f = fieldErrors(e);
        setErrors({ order: f.orderId?.[0] ?? (Object.keys(f).length ? "" : e.message), reason: f.reason?.[0] ?? "" });
      },
    }),
  );
  return (
    <form
      noValidate
      className="grid gap-2"
      aria-label="Open a claim for an order"
      onSubmit={(e) => {
        e.preventDefault();
        const next = { order: order ? "" : "Pick the order.", reason: reason ? "" : "Pick a reason." };
        setErrors(next);
        if (order && reason) open.mutate({ id, orderId: order.id, reason: reason as ClaimReason });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-3">
        <Field id={ids.query} label="Find order">
          <Input id={ids.query} type="search" placeholder="Order number or e-mail" value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        <Field id={ids.order} label="Order" error={errors.order || undefined}>
          <Select value={orderId} onValueChange={(v) => { setOrderId(v); setReason(""); }} disabled={!orders.data?.length}>
            <SelectTrigger id={ids.order} className="w-full" aria-invalid={!!errors.order} aria-describedby={errors.order ? `${ids.order}-error` : undefined}>
              <SelectValue placeholder={settled.length >= 2 ? (orders.data?.length ? `${orders.data.length} found` : "None found") : "Search first"} />
            </SelectTrigger>
            <SelectContent>
              {orders.data?.map((o) => (
                <SelectItem key={o.id} value={String(o.id)}>
                  {o.number} · {o.customerName}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
        <Field id={ids.reason} label="Reason" error={errors.reason || undefined}>
          <Select value={reason} onValueChange={setReason} disabled={!order}>
            <SelectTrigger id={ids.reason} className="w-full" aria-invalid={!!errors.reason} aria-describedby={errors.reason ? `${ids.reason}-error` : undefined}>
              <SelectValue placeholder="Pick a reason" />
            </SelectTrigger>
            <SelectContent>
              {order?.reasons.map((r) => (
                <SelectItem key={r} value={r}>
                  {humanize(r)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={open.isPending}>
          {open.isPending && <Loader2 className="animate-spin" aria-hidden />} Open claim
        </Button>
      </div>
    </form>
  );
}

export function DiscardMailButton({ id, onDone }: { id: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const discard = useMutation(
    trpc.inboundMail.discardMail.mutationOptions({
      onSuccess: async () => {
        toast.success("Mail discarded");
        onDone();
        await queryClient.invalidateQueries(trpc.inboundMail.pathFilter());
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Discard
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Discard this mail?</AlertDialogTitle>
          <AlertDialogDescription>It leaves the unsorted list and is kept only as a record. Use this for spam and mail that needs no claim.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => discard.mutate({ id })}>
            Discard
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
