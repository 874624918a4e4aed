import type { ReactNode } from "react";
import { ShieldX } from "lucide-react";
import type { Role } from "@shared/roles.ts";
import { RequireRole } from "@/lib/auth.tsx";

function Forbidden() {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-2 px-6 py-24 text-center">
      <ShieldX className="size-8 text-destructive" aria-hidden />
      <h1 className="text-lg font-semibold">You don't have access to this page</h1>
      <p className="text-sm text-muted-foreground">Ask an admin if you need it for your work.</p>
    </div>
  );
}

export function RolePage({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return (
    <RequireRole roles={roles} fallback={<Forbidden />}>
      {children}
    </RequireRole>
  );
}
