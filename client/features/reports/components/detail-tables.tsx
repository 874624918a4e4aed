import { Link } from "react-router";
import type { MoneyReport, PeopleReport, SlaReport } from "@shared/schemas/reports.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { deadlineLabels } from "@shared/policy/parameters-labels.ts";
import { format } from "date-fns";
import { formatCents, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import { queueLink } from "../hooks/queue-links.ts";
import { SliceTable } from "./slice-table.tsx";
import { SumsTable } from "./sums-table.tsx";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4"><CardTitle className="text-sm">{title}</CardTitle></CardHeader>
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  );
}

const categoryLabels: Record<string, string> = { full: "Full (purchase undone)", compensation: "Compensation (goods kept)", other: "Other" };
const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

export function SlaTable({ data }: { data: SlaReport["deadlines"] }) {
  return (
    <Section title="Deadlines met">
      <SliceTable
        caption="Share of deadlines met, by kind" rows={data} scroll={false} rowKey={(r) => r.key}
        columns={[
          { header: "Deadline", cell: (r) => deadlineLabels[r.key] ?? humanize(r.key) },
          { header: "Met", cell: (r) => r.met, numeric: true },
          { header: "Missed", cell: (r) => r.missed, numeric: true },
          { header: "Not yet due", cell: (r) => r.pending, numeric: true },
          { header: "Share met", cell: (r) => <span className={r.share !== null && r.share < 0.8 ? "font-medium text-destructive" : "font-medium"}>{pct(r.share)}</span>, numeric: true },
        ]}
      />
    </Section>
  );
}

export function LargestRefunds({ data, storeName }: { data: MoneyReport["largest"]; storeName: (id: string) => string }) {
  return (
    <Section title="Largest refunds">
      <SliceTable
        caption="The ten largest refunds approved or paid in the range" rows={data} scroll={false} rowKey={(r) => String(r.id)} link={(r) => paths.claim(r.claimNumber)}
        columns={[
          { header: "Claim", cell: (r) => r.claimNumber },
          { header: "Store", cell: (r) => storeName(r.storeId) },
          { header: "Resolution", cell: (r) => <span className="inline-flex items-center gap-1.5">{humanize(r.kind)}{r.isException ? <Badge variant="outline" className="text-[10px]">Exception</Badge> : null}</span> },
          { header: "Date", cell: (r) => <span title={humanize(r.status)}>{format(new Date(r.at), "d MMM")}</span> },
          { header: "Amount", cell: (r) => formatCents(r.amountCents, r.currency), numeric: true },
        ]}
      />
    </Section>
  );
}

export function CategoryTables({ money, storeName }: { money: MoneyReport; storeName: (id: string) => string }) {
  return (
    <Section title="Compensation, grades and exceptions">
      <div className="grid gap-4">
        <SumsTable caption="Full refunds against compensation" rows={money.byCategory} rowKey={(r) => r.category} first={{ header: "Kind", cell: (r) => categoryLabels[r.category] ?? r.category }} />
        <SumsTable caption="Refunds by line grade" rows={money.byGrade} rowKey={(r) => r.grade} first={{ header: "Grade", cell: (r) => humanize(r.grade) }} />
        <SumsTable caption="Refunds by claim reason" rows={money.byReason} rowKey={(r) => r.reason} first={{ header: "Reason", cell: (r) => humanize(r.reason) }} />
        <SumsTable caption="Exceptions (C5) by store" rows={money.exceptions} rowKey={(r) => r.storeId} first={{ header: "Exceptions by store", cell: (r) => storeName(r.storeId) }} />
        <p className="text-xs text-muted-foreground">
          Exceptions (C5): {money.totals.exceptionCount} refund{money.totals.exceptionCount === 1 ? "" : "s"}, {formatCents(money.totals.exceptionCents)}.
        </p>
        <p className="text-xs text-muted-foreground">
          Freight reimbursements (E4, paid to PayPal, not part of the refunds above): {money.freightReimbursements.approvedCount} approved,{" "}
          {formatCents(money.freightReimbursements.approvedCents)}; {money.freightReimbursements.executedCount} paid, {formatCents(money.freightReimbursements.executedCents)}.
        </p>
      </div>
    </Section>
  );
}

export function PeopleTable({ data, stores }: { data: PeopleReport; stores: string[] }) {
  return (
    <Section title="People">
      <SliceTable
        caption="Open claims now and claims closed in the range, per assignee" rows={data.agents} scroll={false} rowKey={(r) => String(r.userId)}
        link={(r) => queueLink({ store: stores, assignee: r.userId })}
        columns={[
          { header: "Assignee", cell: (r) => r.name },
          { header: "Open", cell: (r) => r.open, numeric: true },
          { header: "Closed in range", cell: (r) => r.closed, numeric: true },
        ]}
      />
      <p className="mt-3 text-xs text-muted-foreground">
        <Link to={paths.approvals} className="underline-offset-4 hover:underline">{data.approvalsWaiting} refund{data.approvalsWaiting === 1 ? "" : "s"} waiting for approval</Link>
        {data.medianHoursApprovalTurnaround !== null ? ` · median decision in ${data.medianHoursApprovalTurnaround} h` : ""}
      </p>
    </Section>
  );
}
