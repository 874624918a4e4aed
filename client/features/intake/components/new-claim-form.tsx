import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, Loader2, X } from "lucide-react";
import { useId, useMemo, useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { toast } from "@/lib/toast.ts";
import type { Decision } from "@shared/policy/index.ts";
import type { ClaimReason, EvidenceKind } from "@shared/policy/enums.ts";
import { customerFactsInput } from "@shared/schemas/case-facts.ts";
import { agentOpenClaimInput } from "@shared/schemas/claim-intake.ts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Field } from "@/components/ui/field.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { formatDate, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import { fieldErrors, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { useDebounced } from "../hooks/use-debounced.ts";
import { ClaimLinesPicker } from "./claim-lines-picker.tsx";
import { CustomerFactsFields, emptyCustomerFacts, toCustomerFacts } from "./customer-facts-fields.tsx";
import { IntakeEvidence, type PickedFile, type TypedEvidence } from "./intake-evidence.tsx";
import { OrderSearch, type FoundOrder } from "./order-search.tsx";

export type PreviewProps = { decision: Decision; policyVersion: number; storeId: string; storeName: string };
export type UploadFile = (input: { number: string; version: number; kind: EvidenceKind; file: File }) => Promise<{ version: number }>;

type Props = {
  /** The policy decision as the claim page shows it (composed by the route: features do not import each other). */
  renderPreview: (p: PreviewProps) => ReactNode;
  /** Uploads one evidence file to the opened claim (the evidence feature's upload). */
  uploadFile: UploadFile;
  fileProblem: (kind: EvidenceKind, file: File) => string | null;
};

/** zod/server paths to the form's error slots: a claimed line's errors sit on its row. */
function errorSlots(fields: Record<string, string[]>, lineIds: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const line = /^lines\.(\d+)\./.exec(path);
    const key = line ? `line-${lineIds[Number(line[1])]}` : path === "orderId" ? "order" : path;
    out[key] ??= messages[0]!;
  }
  return out;
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  );
}

export function NewClaimForm({ renderPreview, uploadFile, fileProblem }: Props) {
  const navigate = useNavigate();
  const ids = { reason: useId(), description: useId() };
  const [order, setOrder] = useState<FoundOrder | null>(null);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<ClaimReason | "">("");
  const [description, setDescription] = useState("");
  const [typed, setTyped] = useState<TypedEvidence[]>([]);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [told, setTold] = useState(emptyCustomerFacts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState<string | null>(null);
  const clear = (...keys: string[]) => setErrors((e) => (keys.some((k) => k in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));

  const lineIds = useMemo(() => (order ? order.lines.filter((l) => picked[l.id] !== undefined).map((l) => l.id) : []), [order, picked]);
  const draft = {
    orderId: order?.id ?? 0,
    reason: reason as ClaimReason,
    lines: lineIds.map((id) => ({ orderLineId: id, quantity: picked[id]! })),
    description: description.trim() || undefined,
    evidence: typed.length ? typed : undefined,
    customerFacts: toCustomerFacts(told),
  };
  // A half-typed repair pause would make the preview fail: it counts once it reads as valid.
  const previewFacts = customerFactsInput.safeParse(draft.customerFacts).success ? draft.customerFacts : undefined;
  const previewInput = useDebounced({ ...draft, customerFacts: previewFacts, evidence: undefined, evidenceKinds: [...typed.map((t) => t.kind), ...files.map((f) => f.kind)] }, 250);
  const canPreview = previewInput.orderId > 0 && !!previewInput.reason && previewInput.lines.length > 0 && previewInput.lines.every((l) => l.quantity >= 1);
  const preview = useQuery({ ...trpc.intake.preview.queryOptions(previewInput), enabled: canPreview, placeholderData: keepPreviousData, retry: false });
  const needed = new Set((preview.data?.decision.evidence ?? []).filter((e) => e.provided < e.required).map((e) => e.kind));

  const open = useMutation(
    trpc.intake.openClaim.mutationOptions({
      onSuccess: async (claim) => {
        let version = claim.version;
        const failed: string[] = [];
        for (const f of files) {
          setUploading(f.file.name);
          try {
            version = (await uploadFile({ number: claim.number, version, kind: f.kind, file: f.file })).version;
          } catch (e) {
            failed.push(`${f.file.name}: ${(e as Error).message}`);
          }
        }
        setUploading(null);
        if (failed.length) toast.error(`${claim.number} is open, but some files were not attached`, { description: failed.join("\n") });
        else toast.success(`${claim.number} opened`);
        // A new claim (and its evidence): the queue, its counts and the order's other claims reload.
        await invalidateClaim();
        navigate(paths.claim(claim.number));
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        setErrors(errorSlots(fields, lineIds));
        if (Object.keys(fields).length === 0) toast.error(error.message);
      },
    }),
  );

  const pickOrder = (o: FoundOrder) => {
    setOrder(o);
    setErrors({});
    // One claimable line is what most claims are about: pre-tick it.
    const claimable = o.lines.filter((l) => l.claimable > 0);
    setPicked(claimable.length === 1 ? { [claimable[0]!.id]: 1 } : {});
    if (reason && !o.reasons.includes(reason)) setReason("");
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = agentOpenClaimInput.safeParse(draft);
    const issues: Record<string, string[]> = {};
    if (!order) issues.orderId = ["Find and pick the order first."];
    if (!parsed.success) for (const i of parsed.error.issues) (issues[i.path.join(".")] ??= []).push(i.message);
    const badFile = files.map((f) => fileProblem(f.kind, f.file)).find(Boolean);
    if (Object.keys(issues).length || badFile) {
      setErrors(errorSlots(issues, lineIds));
      if (badFile) toast.error("Fix or remove the files marked in red.");
      return;
    }
    setErrors({});
    open.mutate(parsed.data!);
  };

  const busy = open.isPending || uploading !== null;
  return (
    <form noValidate onSubmit={submit} aria-label="New claim" className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Button asChild variant="ghost" size="xs" className="-ml-2 text-muted-foreground">
            <Link to={paths.queue}>
              <ArrowLeft aria-hidden /> Queue
            </Link>
          </Button>
          <h1 className="text-lg font-semibold tracking-tight">New claim</h1>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="flex min-w-0 flex-col gap-4">
          <Section title="Order" description="Claims are opened against an order of one of your stores.">
            {order ? (
              <div className="flex flex-wrap items-start justify-between gap-3 rounded-md border bg-muted/30 p-3 text-sm">
                <div>
                  <p className="font-medium">
                    {order.number} <span className="font-normal text-muted-foreground">· {order.storeName}</span>
                  </p>
                  <p className="text-muted-foreground">
                    {order.customerName} &lt;{order.customerEmail}&gt;
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Placed {formatDate(order.placedAt)}
                    {order.deliveredAt ? ` · delivered ${formatDate(order.deliveredAt)}` : order.shippedAt ? ` · shipped ${formatDate(order.shippedAt)}` : " · not shipped yet"}
                  </p>
                </div>
                <Button type="button" variant="outline" size="sm" onClick={() => setOrder(null)}>
                  <X aria-hidden /> Change order
                </Button>
              </div>
            ) : (
              <OrderSearch onPick={pickOrder} error={errors.order} />
            )}
          </Section>
          {order && (
            <>
              <Section title="Claimed lines" description="Tick the items the customer claims and how many of each.">
                <ClaimLinesPicker order={order} picked={picked} onChange={(next) => { setPicked(next); clear("lines", ...order.lines.map((l) => `line-${l.id}`)); }} errors={errors} />
                {errors.lines && <p className="mt-2 text-xs text-destructive">{errors.lines}</p>}
              </Section>
              <Section title="What happened">
                <div className="grid gap-3">
                  <Field id={ids.reason} label="Reason" error={errors.reason} className="max-w-sm">
                    <Select value={reason} onValueChange={(v) => { setReason(v as ClaimReason); clear("reason"); }}>
                      <SelectTrigger id={ids.reason} className="w-full" aria-invalid={!!errors.reason} aria-describedby={errors.reason ? `${ids.reason}-error` : undefined}>
                        <SelectValue placeholder={`Pick one of ${order.storeName}'s reasons`} />
                      </SelectTrigger>
                      <SelectContent>
                        {order.reasons.map((r) => (
                          <SelectItem key={r} value={r}>
                            {humanize(r)}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </Field>
                  <Field id={ids.description} label="Description" hint=" (optional)" error={errors.description}>
                    <Textarea
                      id={ids.description}
                      rows={4}
                      placeholder="What the customer reports, in their words"
                      value={description}
                      onChange={(e) => { setDescription(e.target.value); clear("description"); }}
                      aria-invalid={!!errors.description}
                      aria-describedby={errors.description ? `${ids.description}-error` : undefined}
                    />
                  </Field>
                  <CustomerFactsFields value={told} onChange={(next) => { setTold(next); setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("customerFacts.")))); }} errors={errors} />
                </div>
              </Section>
              <Section title="Evidence" description="Numbers and statements are saved with the claim; files are uploaded to it right after.">
                <IntakeEvidence typed={typed} onTyped={setTyped} files={files} onFiles={setFiles} needed={needed} errors={errors} fileProblem={fileProblem} />
              </Section>
            </>
          )}
        </div>
        <div className="flex flex-col gap-4 lg:order-none">
          <div className="flex items-center justify-end lg:justify-start gap-2">
            <Button asChild variant="ghost">
              <Link to={paths.queue}>Cancel</Link>
            </Button>
            <Button type="submit" disabled={busy}>
              {busy && <Loader2 className="animate-spin" aria-hidden />}
              {uploading ? `Uploading ${uploading}…` : "Open claim"}
            </Button>
          </div>
          <section aria-label="Policy preview" aria-busy={preview.isFetching} className="flex flex-col gap-2">
            {!canPreview ? (
              <Card className="py-4">
                <CardContent className="px-4 text-sm text-muted-foreground">Pick an order, the claimed lines and a reason to see the policy's verdict: eligibility, missing evidence and deadlines.</CardContent>
              </Card>
            ) : preview.isError ? (
              <Alert variant="destructive">
                <AlertTitle>The policy cannot judge this draft yet</AlertTitle>
                <AlertDescription>{Object.values(fieldErrors(preview.error)).flat().join(" ") || preview.error.message}</AlertDescription>
              </Alert>
            ) : preview.data && order ? (
              renderPreview({ decision: preview.data.decision, policyVersion: preview.data.policyVersion, storeId: order.storeId, storeName: order.storeName })
            ) : (
              <Card className="py-4">
                <CardContent className="flex items-center gap-2 px-4 text-sm text-muted-foreground">
                  <Loader2 className="size-4 animate-spin" aria-hidden /> Asking the policy engine…
                </CardContent>
              </Card>
            )}
          </section>
        </div>
      </div>
    </form>
  );
}
