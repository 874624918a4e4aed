import { StorePoliciesTable } from "@/features/policy/components/store-policies-table.tsx";
import { Card, CardContent } from "@/components/ui/card.tsx";
import { hasRole, useMe } from "@/lib/auth.tsx";

/** /policies: the stores the person works for, each with its current policy version. */
export default function PoliciesPage() {
  const { data: me } = useMe();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 p-4 lg:p-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Policies</h1>
        <p className="text-sm text-muted-foreground">Each store's rules as the policy engine applies them, with every version kept.</p>
      </div>
      <Card className="py-2">
        <CardContent className="px-2">
          <StorePoliciesTable editable={hasRole(me, ["admin"])} />
        </CardContent>
      </Card>
    </div>
  );
}
