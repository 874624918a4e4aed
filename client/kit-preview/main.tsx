import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  BellIcon,
  CircleCheckIcon,
  CircleDashedIcon,
  CircleDotIcon,
  CircleXIcon,
  ClockIcon,
  DownloadIcon,
  InfoIcon,
  MailIcon,
  MoreHorizontalIcon,
  PhoneIcon,
  PlusIcon,
  StoreIcon,
  TriangleAlertIcon,
  GlobeIcon,
  SearchIcon,
  FileTextIcon,
  UserIcon,
} from "lucide-react";
import { toast } from "sonner";
import type { PaginationState, RowSelectionState, SortingState } from "@tanstack/react-table";

import "./preview.css";
import { cn, getInitials } from "@/lib/utils";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { ModeToggle } from "@/components/theme/mode-toggle";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
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
} from "@/components/ui/alert-dialog";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
  CommandShortcut,
} from "@/components/ui/command";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Kbd, KbdGroup } from "@/components/ui/kbd";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { ScrollArea } from "@/components/ui/scroll-area";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Separator } from "@/components/ui/separator";
import {
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { Toaster } from "@/components/ui/sonner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import {
  DataTableFacetedFilter,
  type DataTableFacetedFilterOption,
} from "@/components/data-table/data-table-faceted-filter";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-features";
import { createSelectColumn } from "@/components/data-table/data-table-select-column";
import {
  DataTableResetFilters,
  DataTableSearch,
  DataTableToolbar,
} from "@/components/data-table/data-table-toolbar";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { DataTableEmpty } from "@/components/data-table/data-table-message";

const params = new URLSearchParams(window.location.search);

// ---------------------------------------------------------------- fake data
type ClaimStatus = "new" | "in_review" | "awaiting_customer" | "approved" | "rejected";
type Channel = "web" | "email" | "phone" | "store";
type Claim = {
  id: string;
  reference: string;
  customer: string;
  product: string;
  status: ClaimStatus;
  channel: Channel;
  amountCents: number;
  openedAt: string;
  assignee: string | null;
  slaHours: number;
};

const STATUS: Record<ClaimStatus, { label: string; variant: BadgeVariant; icon: typeof CircleDotIcon }> = {
  new: { label: "New", variant: "info", icon: CircleDashedIcon },
  in_review: { label: "In review", variant: "secondary", icon: CircleDotIcon },
  awaiting_customer: { label: "Awaiting customer", variant: "warning", icon: ClockIcon },
  approved: { label: "Approved", variant: "success", icon: CircleCheckIcon },
  rejected: { label: "Rejected", variant: "destructive", icon: CircleXIcon },
};
const CHANNEL_ICON: Record<Channel, typeof MailIcon> = {
  web: GlobeIcon,
  email: MailIcon,
  phone: PhoneIcon,
  store: StoreIcon,
};

const customers = [
  "Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Linus Torvalds",
  "Margaret Hamilton", "Dennis Ritchie", "Barbara Liskov", "Ken Thompson", "Radia Perlman",
];
const products = [
  "Espresso machine X2", "Robot vacuum S8", "Smart TV 55\"", "Washing machine 9kg",
  "Laptop Pro 14", "Noise-cancelling headphones", "Dishwasher 60cm", "Air fryer XL",
];
const statuses = Object.keys(STATUS) as ClaimStatus[];
const channels: Channel[] = ["web", "email", "phone", "store"];
const assignees = ["Léa Martin", "Tom Becker", null, "Sofia Rossi"];

const ALL_CLAIMS: Claim[] = Array.from({ length: 30 }, (_, i) => ({
  id: `c_${i + 1}`,
  reference: `CLM-24-${String(10231 + i * 7).padStart(6, "0")}`,
  customer: customers[i % customers.length]!,
  product: products[(i * 3) % products.length]!,
  status: statuses[(i * 7) % statuses.length]!,
  channel: channels[(i * 5) % channels.length]!,
  amountCents: ((i * 7919) % 120000) + 1999,
  openedAt: new Date(Date.UTC(2025, 10, 20) - i * 36e5 * 17).toISOString(),
  assignee: assignees[i % assignees.length]!,
  slaHours: ((i * 13) % 96) - 12,
}));

const money = new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" });
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });

// ------------------------------------------------------------------ columns
const col = createDataTableColumnHelper<Claim>();
const columns = col.columns([
  createSelectColumn<Claim>({ getRowLabel: (c) => c.reference }),
  col.accessor("reference", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Reference" />,
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
    enableHiding: false,
    meta: { label: "Reference" },
  }),
  col.accessor("customer", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Customer" />,
    cell: (info) => info.getValue(),
    meta: { label: "Customer" },
  }),
  col.accessor("product", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Product" />,
    cell: (info) => <span className="block max-w-[14rem] truncate text-muted-foreground">{info.getValue()}</span>,
    enableSorting: false,
    meta: { label: "Product" },
  }),
  col.accessor("status", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
    cell: (info) => {
      const s = STATUS[info.getValue()];
      return (
        <Badge variant={s.variant}>
          <s.icon />
          {s.label}
        </Badge>
      );
    },
    meta: { label: "Status" },
  }),
  col.accessor("channel", {
    header: "Channel",
    cell: (info) => {
      const Icon = CHANNEL_ICON[info.getValue()];
      return (
        <span className="inline-flex items-center gap-1.5 text-muted-foreground capitalize">
          <Icon className="size-3.5" />
          {info.getValue()}
        </span>
      );
    },
    enableSorting: false,
  }),
  col.accessor("assignee", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Assignee" />,
    cell: (info) => {
      const v = info.getValue();
      return v ? (
        <span className="inline-flex items-center gap-2">
          <Avatar className="size-5">
            <AvatarFallback className="text-[10px]">{getInitials(v)}</AvatarFallback>
          </Avatar>
          {v}
        </span>
      ) : (
        <span className="text-muted-foreground">Unassigned</span>
      );
    },
    meta: { label: "Assignee" },
  }),
  col.accessor("slaHours", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="SLA" />,
    cell: (info) => {
      const h = info.getValue();
      return (
        <span className={cn(h < 0 ? "font-medium text-destructive" : h < 12 ? "text-warning" : "text-muted-foreground")}>
          {h < 0 ? `${-h}h overdue` : `${h}h left`}
        </span>
      );
    },
    meta: { label: "SLA", align: "end" },
  }),
  col.accessor("amountCents", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Amount" />,
    cell: (info) => <span className="font-medium">{money.format(info.getValue() / 100)}</span>,
    meta: { label: "Amount", align: "end" },
  }),
  col.accessor("openedAt", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Opened" />,
    cell: (info) => <span className="text-muted-foreground">{dateFmt.format(new Date(info.getValue()))}</span>,
    meta: { label: "Opened", align: "end" },
  }),
  col.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-xs" aria-label={`Actions for ${row.original.reference}`}>
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem>Open</DropdownMenuItem>
          <DropdownMenuItem>Assign to me</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive">Reject claim</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    ),
    meta: { width: 40 },
  }),
]);

// ------------------------------------------------------- fake server query
type Query = { pagination: PaginationState; sorting: SortingState; search: string; status: string[]; channel: string[] };

function runQuery(q: Query) {
  let rows = ALL_CLAIMS.filter(
    (c) =>
      (q.status.length === 0 || q.status.includes(c.status)) &&
      (q.channel.length === 0 || q.channel.includes(c.channel)) &&
      (!q.search || `${c.reference} ${c.customer} ${c.product}`.toLowerCase().includes(q.search.toLowerCase())),
  );
  const s = q.sorting[0];
  if (s) {
    rows = [...rows].sort((a, b) => {
      const av = a[s.id as keyof Claim] ?? "";
      const bv = b[s.id as keyof Claim] ?? "";
      const r = av < bv ? -1 : av > bv ? 1 : 0;
      return s.desc ? -r : r;
    });
  }
  const facet = (key: "status" | "channel") => {
    const counts: Record<string, number> = {};
    for (const c of ALL_CLAIMS) {
      if (key !== "status" && q.status.length && !q.status.includes(c.status)) continue;
      if (key !== "channel" && q.channel.length && !q.channel.includes(c.channel)) continue;
      counts[c[key]] = (counts[c[key]] ?? 0) + 1;
    }
    return counts;
  };
  const start = q.pagination.pageIndex * q.pagination.pageSize;
  return {
    rows: rows.slice(start, start + q.pagination.pageSize),
    total: rows.length,
    facets: { status: facet("status"), channel: facet("channel") },
  };
}

function useFakeQuery(q: Query) {
  const key = JSON.stringify(q);
  const [result, setResult] = React.useState<ReturnType<typeof runQuery> | undefined>(undefined);
  const [fetching, setFetching] = React.useState(true);
  React.useEffect(() => {
    if (params.has("loading")) return;
    setFetching(true);
    const t = setTimeout(() => {
      setResult(runQuery(JSON.parse(key) as Query));
      setFetching(false);
    }, Number(params.get("delay") ?? 350));
    return () => clearTimeout(t);
  }, [key]);
  return { data: result, isLoading: result === undefined, isFetching: fetching || params.has("fetching") };
}

const statusOptions: DataTableFacetedFilterOption[] = statuses.map((s) => ({
  value: s,
  label: STATUS[s].label,
  icon: STATUS[s].icon,
}));
const channelOptions: DataTableFacetedFilterOption[] = channels.map((c) => ({
  value: c,
  label: c[0]!.toUpperCase() + c.slice(1),
  icon: CHANNEL_ICON[c],
}));

function ClaimsTable() {
  const [pagination, setPagination] = React.useState<PaginationState>({
    pageIndex: 0,
    pageSize: Number(params.get("size") ?? 25),
  });
  const [sorting, setSorting] = React.useState<SortingState>([{ id: "openedAt", desc: true }]);
  const [rowSelection, setRowSelection] = React.useState<RowSelectionState>(
    params.has("selected") ? { c_1: true, c_3: true, c_4: true } : {},
  );
  const [search, setSearch] = React.useState("");
  const [status, setStatus] = React.useState<string[]>(params.has("filtered") ? ["new", "approved"] : []);
  const [channel, setChannel] = React.useState<string[]>([]);
  const query = useFakeQuery({ pagination, sorting, search, status, channel });
  const isFiltered = search !== "" || status.length > 0 || channel.length > 0;
  const resetPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }));
  const showEmpty = params.has("empty");
  const showError = params.has("error");

  return (
    <DataTable
      aria-label="Claims"
      columns={columns}
      data={showEmpty ? [] : query.data?.rows}
      rowCount={showEmpty ? 0 : query.data?.total}
      getRowId={(c) => c.id}
      pagination={pagination}
      onPaginationChange={setPagination}
      sorting={sorting}
      onSortingChange={(u) => {
        setSorting(u);
        resetPage();
      }}
      rowSelection={rowSelection}
      onRowSelectionChange={setRowSelection}
      enableRowSelection
      isLoading={query.isLoading && !showEmpty && !showError}
      isFetching={query.isFetching && !query.isLoading}
      isError={showError}
      onRetry={() => toast.info("Retrying…")}
      onRowClick={(c) => toast(`Open ${c.reference}`, { description: c.customer })}
      getRowHref={(c) => `/claims/${c.id}`}
      className="h-[620px]"
      emptyState={
        showEmpty ? (
          <DataTableEmpty
            icon={FileTextIcon}
            title="No claims match"
            description="Try removing a filter or searching by reference."
            action={<Button variant="outline" size="sm">Clear filters</Button>}
          />
        ) : undefined
      }
      toolbar={(table) => (
        <DataTableToolbar
          actions={
            <>
              <DataTableViewOptions table={table} />
              <Button size="sm" className="h-8">
                <PlusIcon />
                New claim
              </Button>
            </>
          }
        >
          <DataTableSearch
            value={search}
            onValueChange={(v) => {
              setSearch(v);
              resetPage();
            }}
            placeholder="Search reference, customer…"
          />
          <DataTableFacetedFilter
            title="Status"
            options={statusOptions}
            value={status}
            onValueChange={(v) => {
              setStatus(v);
              resetPage();
            }}
            counts={query.data?.facets.status}
          />
          <DataTableFacetedFilter
            title="Channel"
            options={channelOptions}
            value={channel}
            onValueChange={(v) => {
              setChannel(v);
              resetPage();
            }}
            counts={query.data?.facets.channel}
          />
          {isFiltered ? (
            <DataTableResetFilters
              onClick={() => {
                setSearch("");
                setStatus([]);
                setChannel([]);
                resetPage();
              }}
            />
          ) : null}
        </DataTableToolbar>
      )}
    />
  );
}

// ------------------------------------------------------------------ gallery
function Section({ title, children, className }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={cn("flex flex-col gap-3", className)}>
      <h2 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

function Gallery() {
  const [commandOpen, setCommandOpen] = React.useState(false);
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setCommandOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="grid gap-8">
      <div className="grid gap-8 lg:grid-cols-2">
        <Section title="Buttons">
          <div className="flex flex-wrap items-center gap-2">
            <Button>Approve</Button>
            <Button variant="secondary">Secondary</Button>
            <Button variant="outline">Outline</Button>
            <Button variant="ghost">Ghost</Button>
            <Button variant="destructive">Reject</Button>
            <Button variant="link">Link</Button>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button size="lg">Large</Button>
            <Button size="sm"><DownloadIcon />Export</Button>
            <Button size="xs" variant="outline">Extra small</Button>
            <Button size="icon" variant="outline" aria-label="Notifications"><BellIcon /></Button>
            <Button size="icon-sm" variant="ghost" aria-label="Search"><SearchIcon /></Button>
            <Button disabled>Disabled</Button>
          </div>
        </Section>

        <Section title="Badges">
          <div className="flex flex-wrap items-center gap-2">
            <Badge>Default</Badge>
            <Badge variant="secondary">Secondary</Badge>
            <Badge variant="outline">Outline</Badge>
            <Badge variant="muted">Muted</Badge>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="success"><CircleCheckIcon />Approved</Badge>
            <Badge variant="warning"><ClockIcon />Awaiting customer</Badge>
            <Badge variant="info"><InfoIcon />New</Badge>
            <Badge variant="destructive"><CircleXIcon />Rejected</Badge>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <KbdGroup><Kbd>⌘</Kbd><Kbd>K</Kbd></KbdGroup>
            <span className="text-muted-foreground">Press <Kbd>/</Kbd> to search</span>
            <Tooltip defaultOpen={params.has("tooltip")}>
              <TooltipTrigger asChild>
                <Button variant="outline" size="sm">Hover me</Button>
              </TooltipTrigger>
              <TooltipContent>
                Assign to me <Kbd>A</Kbd>
              </TooltipContent>
            </Tooltip>
          </div>
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Claim details</CardTitle>
            <CardDescription>Edit the customer-facing summary.</CardDescription>
            <CardAction>
              <Badge variant="warning">Draft</Badge>
            </CardAction>
          </CardHeader>
          <CardContent className="grid gap-4">
            <div className="grid gap-2">
              <Label htmlFor="ref">Reference</Label>
              <Input id="ref" defaultValue="CLM-24-010231" />
            </div>
            <div className="grid gap-2">
              <Label htmlFor="reason">Reason</Label>
              <Select defaultValue="defect">
                <SelectTrigger id="reason" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="defect">Manufacturing defect</SelectItem>
                  <SelectItem value="damage">Damaged in transit</SelectItem>
                  <SelectItem value="missing">Missing parts</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="notes">Notes</Label>
              <Textarea id="notes" placeholder="Internal notes…" />
            </div>
            <div className="grid gap-2">
              <Label htmlFor="bad">Amount</Label>
              <Input id="bad" aria-invalid defaultValue="-12" />
              <p className="text-xs text-destructive">Amount must be positive.</p>
            </div>
            <Label className="font-normal">
              <Checkbox defaultChecked /> Notify customer by email
            </Label>
          </CardContent>
          <CardFooter className="justify-end gap-2 border-t">
            <Button variant="ghost" size="sm">Cancel</Button>
            <Button size="sm">Save</Button>
          </CardFooter>
        </Card>

        <div className="flex flex-col gap-6">
          <Alert>
            <InfoIcon />
            <AlertTitle>Policy updated</AlertTitle>
            <AlertDescription>Goodwill limit raised to €150 for premium customers.</AlertDescription>
          </Alert>
          <Alert variant="success">
            <CircleCheckIcon />
            <AlertTitle>Refund issued</AlertTitle>
            <AlertDescription>€249.00 sent to the original payment method.</AlertDescription>
          </Alert>
          <Alert variant="warning">
            <TriangleAlertIcon />
            <AlertTitle>SLA at risk</AlertTitle>
            <AlertDescription>4 claims breach their SLA within 2 hours.</AlertDescription>
          </Alert>
          <Alert variant="info">
            <InfoIcon />
            <AlertTitle>Customer replied</AlertTitle>
            <AlertDescription>New photos were attached to CLM-24-010245.</AlertDescription>
          </Alert>
          <Alert variant="destructive">
            <CircleXIcon />
            <AlertTitle>Payment failed</AlertTitle>
            <AlertDescription>The payout provider rejected the transfer.</AlertDescription>
          </Alert>
        </div>

        <div className="flex flex-col gap-6">
          <Tabs defaultValue="timeline">
            <TabsList>
              <TabsTrigger value="timeline">Timeline</TabsTrigger>
              <TabsTrigger value="documents">Documents</TabsTrigger>
              <TabsTrigger value="notes">Notes</TabsTrigger>
            </TabsList>
            <TabsContent value="timeline">
              <ScrollArea className="h-40 rounded-md border">
                <ol className="grid gap-3 p-3">
                  {Array.from({ length: 10 }, (_, i) => (
                    <li key={i} className="flex items-start gap-3">
                      <Avatar className="size-6">
                        <AvatarFallback className="text-[10px]">{getInitials(customers[i]!)}</AvatarFallback>
                      </Avatar>
                      <div className="grid gap-0.5">
                        <span className="text-sm">{customers[i]} updated the claim</span>
                        <span className="text-xs text-muted-foreground tabular-nums">{i + 1}h ago</span>
                      </div>
                    </li>
                  ))}
                </ol>
              </ScrollArea>
            </TabsContent>
            <TabsContent value="documents">Documents</TabsContent>
            <TabsContent value="notes">Notes</TabsContent>
          </Tabs>
          <div className="flex flex-col gap-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
            <div className="flex items-center gap-3">
              <Skeleton className="size-8 rounded-full" />
              <Skeleton className="h-4 flex-1" />
            </div>
          </div>
          <Separator />
          <div className="flex flex-wrap gap-2">
            <Dialog defaultOpen={params.get("open") === "dialog"}>
              <DialogTrigger asChild>
                <Button variant="outline" size="sm">Dialog</Button>
              </DialogTrigger>
              <DialogContent>
                <DialogHeader>
                  <DialogTitle>Reassign claim</DialogTitle>
                  <DialogDescription>Move CLM-24-010231 to another agent.</DialogDescription>
                </DialogHeader>
                <div className="grid gap-2">
                  <Label htmlFor="agent">Agent</Label>
                  <Input id="agent" placeholder="Search agents…" />
                </div>
                <DialogFooter>
                  <DialogClose asChild>
                    <Button variant="outline">Cancel</Button>
                  </DialogClose>
                  <Button>Reassign</Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
            <AlertDialog defaultOpen={params.get("open") === "alert"}>
              <AlertDialogTrigger asChild>
                <Button variant="outline" size="sm">Alert dialog</Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>Reject this claim?</AlertDialogTitle>
                  <AlertDialogDescription>
                    The customer will be notified. This cannot be undone.
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction variant="destructive">Reject claim</AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
            <Sheet defaultOpen={params.get("open") === "sheet"}>
              <SheetTrigger asChild>
                <Button variant="outline" size="sm">Sheet</Button>
              </SheetTrigger>
              <SheetContent>
                <SheetHeader>
                  <SheetTitle>CLM-24-010231</SheetTitle>
                  <SheetDescription>Espresso machine X2 · Ada Lovelace</SheetDescription>
                </SheetHeader>
                <SheetBody className="grid content-start gap-3">
                  <div className="flex items-center justify-between">
                    <span className="text-muted-foreground">Status</span>
                    <Badge variant="warning">Awaiting customer</Badge>
                  </div>
                  <div className="flex items-center justify-between tabular-nums">
                    <span className="text-muted-foreground">Amount</span>
                    <span>€249.00</span>
                  </div>
                </SheetBody>
                <SheetFooter>
                  <Button variant="outline">Close</Button>
                  <Button>Approve</Button>
                </SheetFooter>
              </SheetContent>
            </Sheet>
            <Popover defaultOpen={params.get("open") === "popover"}>
              <PopoverTrigger asChild>
                <Button variant="outline" size="sm">Popover</Button>
              </PopoverTrigger>
              <PopoverContent className="grid gap-2">
                <p className="font-medium">Snooze claim</p>
                <p className="text-muted-foreground">Hide it from the queue until a date.</p>
                <Input type="date" />
              </PopoverContent>
            </Popover>
            <DropdownMenu defaultOpen={params.get("open") === "menu"}>
              <DropdownMenuTrigger asChild>
                <Button variant="outline" size="sm">Menu</Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent className="w-52">
                <DropdownMenuLabel>Claim</DropdownMenuLabel>
                <DropdownMenuItem><UserIcon />Assign to me<DropdownMenuShortcut>A</DropdownMenuShortcut></DropdownMenuItem>
                <DropdownMenuItem><MailIcon />Email customer<DropdownMenuShortcut>E</DropdownMenuShortcut></DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive"><CircleXIcon />Reject</DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
            <Button variant="outline" size="sm" onClick={() => setCommandOpen(true)}>
              Command <Kbd>⌘K</Kbd>
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                toast.success("Claim approved", { description: "CLM-24-010231 · €249.00" });
                toast.warning("SLA at risk", { description: "4 claims due within 2h" });
                toast("Saved draft");
              }}
            >
              Toasts
            </Button>
          </div>
        </div>
      </div>

      <CommandDialog open={commandOpen || params.get("open") === "command"} onOpenChange={setCommandOpen}>
        <CommandInput placeholder="Search claims, customers, actions…" />
        <CommandList>
          <CommandEmpty>No results found.</CommandEmpty>
          <CommandGroup heading="Claims">
            <CommandItem><FileTextIcon />CLM-24-010231 · Ada Lovelace</CommandItem>
            <CommandItem><FileTextIcon />CLM-24-010238 · Grace Hopper</CommandItem>
          </CommandGroup>
          <CommandSeparator />
          <CommandGroup heading="Actions">
            <CommandItem><PlusIcon />New claim<CommandShortcut>⌘N</CommandShortcut></CommandItem>
            <CommandItem><UserIcon />My queue<CommandShortcut>G Q</CommandShortcut></CommandItem>
          </CommandGroup>
        </CommandList>
      </CommandDialog>
    </div>
  );
}

function App() {
  const only = params.get("only");
  return (
    <ThemeProvider>
      <TooltipProvider>
        <div className="min-h-screen bg-background">
          <header className="sticky top-0 z-30 flex h-12 items-center gap-3 border-b bg-background/80 px-6 backdrop-blur">
            <span className="font-semibold">Claimdesk</span>
            <Separator orientation="vertical" className="data-[orientation=vertical]:h-4" />
            <Breadcrumb>
              <BreadcrumbList>
                <BreadcrumbItem><BreadcrumbLink href="#">Claims</BreadcrumbLink></BreadcrumbItem>
                <BreadcrumbSeparator />
                <BreadcrumbItem><BreadcrumbLink href="#">Queues</BreadcrumbLink></BreadcrumbItem>
                <BreadcrumbSeparator />
                <BreadcrumbItem><BreadcrumbPage>Open claims</BreadcrumbPage></BreadcrumbItem>
              </BreadcrumbList>
            </Breadcrumb>
            <div className="ml-auto flex items-center gap-2">
              <ModeToggle />
              <Avatar className="size-7"><AvatarFallback>LM</AvatarFallback></Avatar>
            </div>
          </header>
          <main className="mx-auto flex max-w-[1400px] flex-col gap-10 p-6">
            {only !== "gallery" ? (
              <Section title="Data table">
                <ClaimsTable />
              </Section>
            ) : null}
            {only !== "table" ? <Gallery /> : null}
          </main>
        </div>
        <Toaster />
      </TooltipProvider>
    </ThemeProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
