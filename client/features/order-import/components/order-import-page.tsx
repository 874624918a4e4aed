import { useMutation, useQuery } from "@tanstack/react-query";
import { CircleCheck, Download, Loader2, TriangleAlert, Upload } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "@/lib/toast.ts";
import { maxOrderImportBytes, orderImportColumns, orderImportTemplate } from "@shared/schemas/order-import.ts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Field } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { ImportPreviewTable } from "./preview-table.tsx";

type Result = RouterOutputs["orderImport"]["commitOrderImport"];
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([orderImportTemplate()], { type: "text/csv" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: "claimdesk-orders-template.csv" });
  a.click();
  URL.revokeObjectURL(url);
}

export function OrderImportPage() {
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const [storeId, setStoreId] = useState("");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  // A new key empties the file input once its file is imported.
  const [fileInputKey, setFileInputKey] = useState(0);
  const preview = useMutation(trpc.orderImport.previewOrderImport.mutationOptions({ onError: (e) => toast.error(e.message) }));
  const commit = useMutation(
    trpc.orderImport.commitOrderImport.mutationOptions({
      onSuccess: (r) => {
        setResult(r);
        preview.reset();
        setFile(null);
        setFileInputKey((k) => k + 1);
        toast.success("Orders imported");
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const ids = { store: useId(), file: useId(), skip: useId(), only: useId() };

  const runPreview = (nextStore: string, next: { text: string } | null) => {
    setResult(null);
    if (nextStore && next) preview.mutate({ storeId: nextStore, csv: next.text });
  };
  const onFile = async (f: File | undefined) => {
    setFileError(undefined);
    preview.reset();
    if (!f) return setFile(null);
    if (f.size > maxOrderImportBytes) {
      setFile(null);
      return setFileError(`The file is ${(f.size / 1048576).toFixed(1)} MB; the most is ${maxOrderImportBytes / 1048576} MB. Split it.`);
    }
    const next = { name: f.name, text: await f.text() };
    setFile(next);
    runPreview(storeId, next);
  };

  const data = preview.data;
  const invalid = data?.summary.invalidRows ?? 0;
  const importable = data ? data.rows.length - invalid - data.summary.skippedRows : 0;
  const canImport = !!data && !!file && data.fileIssues.length === 0 && importable > 0 && (invalid === 0 || skipInvalid) && !commit.isPending;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <div className="grid gap-1">
        <h1 className="text-xl font-semibold tracking-tight">Import orders</h1>
        <p className="text-sm text-muted-foreground">For stores without the API: one CSV row per order line. Orders are matched by number and replaced with the file's lines.</p>
      </div>
      <Card className="gap-4 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">File</CardTitle>
          <CardDescription className="text-xs">
            Columns: {orderImportColumns.map((c) => (c.required ? c.name : `${c.name}?`)).join(", ")}. Prices like 129.99 (two decimals at most).
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-end gap-4 px-4">
          <Field id={ids.store} label="Store" className="w-56">
            <Select
              value={storeId}
              onValueChange={(v) => {
                setStoreId(v);
                runPreview(v, file);
              }}
            >
              <SelectTrigger id={ids.store} className="w-full">
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
          </Field>
          <Field id={ids.file} label="CSV file" error={fileError} className="w-72">
            <Input key={fileInputKey} id={ids.file} type="file" accept=".csv,text/csv" aria-invalid={!!fileError} onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
          </Field>
          <Button type="button" variant="outline" onClick={downloadTemplate}>
            <Download aria-hidden /> Template
          </Button>
        </CardContent>
      </Card>

      {file && !storeId && <p className="text-sm text-muted-foreground">Choose the store the orders belong to.</p>}
      {preview.isPending && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Checking {file?.name}…
        </p>
      )}
      {result && (
        <Alert variant="success">
          <CircleCheck aria-hidden />
          <AlertTitle>Import finished</AlertTitle>
          <AlertDescription>
            {result.created} new and {result.updated} updated orders from {result.importedRows} {result.importedRows === 1 ? "row" : "rows"}{result.skippedRows ? `; ${result.skippedRows} ${result.skippedRows === 1 ? "row" : "rows"} skipped` : ""}.
          </AlertDescription>
        </Alert>
      )}
      {data && data.fileIssues.length > 0 && (
        <Alert variant="destructive">
          <TriangleAlert aria-hidden />
          <AlertTitle>This file cannot be imported</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {data.fileIssues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      {data && data.fileIssues.length === 0 && (
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">Preview of {file?.name}</CardTitle>
            <div className="flex flex-wrap gap-2 pt-1" aria-label="Summary">
              <Badge variant="outline">{count(data.summary.rows, "row", "rows")}</Badge>
              <Badge variant="success">{count(data.summary.newOrders, "new order", "new orders")}</Badge>
              <Badge variant="info">{count(data.summary.updatedOrders, "updated order", "updated orders")}</Badge>
              {invalid > 0 && <Badge variant="destructive">{count(invalid, "invalid row", "invalid rows")}</Badge>}
              {data.summary.skippedRows > 0 && <Badge variant="warning">{count(data.summary.skippedRows, "row", "rows")} in orders with errors</Badge>}
            </div>
          </CardHeader>
          <CardContent className="grid gap-3 px-4">
            {invalid > 0 && (
              <div className="flex items-center gap-2">
                <Checkbox id={ids.only} checked={onlyProblems} onCheckedChange={(v) => setOnlyProblems(v === true)} />
                <Label htmlFor={ids.only} className="font-normal">
                  Only rows with problems
                </Label>
              </div>
            )}
            <ImportPreviewTable rows={data.rows} onlyProblems={onlyProblems} />
            <div className="flex flex-wrap items-center justify-end gap-4 border-t pt-3">
              {invalid > 0 && (
                <div className="mr-auto flex items-center gap-2">
                  <Checkbox id={ids.skip} checked={skipInvalid} onCheckedChange={(v) => setSkipInvalid(v === true)} />
                  <Label htmlFor={ids.skip} className="font-normal">
                    Skip invalid rows (and the other rows of their orders)
                  </Label>
                </div>
              )}
              {invalid > 0 && !skipInvalid && <p className="text-xs text-muted-foreground">Nothing is imported while a row is invalid.</p>}
              <Button type="button" disabled={!canImport} onClick={() => file && commit.mutate({ storeId, csv: file.text, skipInvalid })}>
                {commit.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Upload aria-hidden />}
                Import {importable} {importable === 1 ? "row" : "rows"}
              </Button>
            </div>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
