import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { formatCents, formatDateTime } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Claim = RouterOutputs["claims"]["getClaim"];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right tabular-nums">{children ?? "—"}</dd>
    </div>
  );
}

export function OrderCard({ claim }: { claim: Claim }) {
  const { order, customer } = claim;
  const a = order.shippingAddress;
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Customer and order</CardTitle>
      </CardHeader>
      <CardContent className="px-4 text-sm">
        <div className="mb-3">
          <div className="font-medium">{customer.name}</div>
          <a href={`mailto:${customer.email}`} className="rounded-sm text-muted-foreground outline-none hover:underline focus:ring-2 focus:ring-ring">
            {customer.email}
          </a>
          {a && (
            <address className="mt-1 text-xs not-italic text-muted-foreground">
              {a.line1}, {a.postalCode} {a.city}, {a.region ? `${a.region}, ` : ""}
              {a.country}
            </address>
          )}
        </div>
        <dl className="divide-y">
          <Row label="Order">{order.number}</Row>
          <Row label="Total">{formatCents(order.totalCents, order.currency)}</Row>
          <Row label="Placed">{formatDateTime(order.placedAt)}</Row>
          <Row label="Shipped">{order.shippedAt ? formatDateTime(order.shippedAt) : null}</Row>
          <Row label="Delivered">{order.deliveredAt ? formatDateTime(order.deliveredAt) : null}</Row>
          <Row label="Carrier">{order.carrier ? `${order.carrier} ${order.trackingNumber ?? ""}` : null}</Row>
          <Row label="Reported">{formatDateTime(claim.reportedAt)}</Row>
        </dl>
      </CardContent>
    </Card>
  );
}
