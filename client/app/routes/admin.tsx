import { Settings } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { StorePoliciesTable } from "@/features/policy/components/store-policies-table.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminPage() {
  return (
    <RolePage roles={["admin"]}>
      <div className="mx-auto flex max-w-4xl flex-col gap-4 p-4 lg:p-6">
        <h1 className="text-xl font-semibold tracking-tight">Admin</h1>
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">Store policies</CardTitle>
            <CardDescription className="text-xs">Edit a store's numbers, time zone and holidays; every save is a new version and claims keep the one they were judged by.</CardDescription>
          </CardHeader>
          <CardContent className="px-2">
            <StorePoliciesTable editable />
          </CardContent>
        </Card>
        <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center">
          <Settings className="size-6 text-muted-foreground" aria-hidden />
          <p className="max-w-md text-sm text-muted-foreground">People, roles, store access and templates will be managed here.</p>
        </div>
      </div>
    </RolePage>
  );
}
