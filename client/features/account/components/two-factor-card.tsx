import { useQuery } from "@tanstack/react-query";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useMe } from "@/lib/auth.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { EnrolTotpDialog } from "./enrol-totp-dialog.tsx";
import { DisableTotpDialog, RegenerateCodesDialog } from "./totp-code-dialogs.tsx";

export function TwoFactorCard() {
  const { data: me } = useMe();
  const status = useQuery(trpc.auth.getTwoFactorStatus.queryOptions());
  const [dialog, setDialog] = useState<"enrol" | "regenerate" | "disable" | null>(null);
  const setOpen = (which: typeof dialog) => (open: boolean) => setDialog(open ? which : null);
  const s = status.data;
  const required = me && me.role !== "agent";
  // Banners elsewhere link to Account#two-factor: bring the card into view once it has rendered.
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === "#two-factor") ref.current?.scrollIntoView({ block: "start" });
  }, [hash]);
  return (
    <Card ref={ref} id="two-factor" className="scroll-mt-4 gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="flex items-center gap-2 text-sm">
          <h2>Two-factor authentication</h2>
          {s && (s.enabled ? <Badge variant="success">On</Badge> : <Badge variant={required ? "warning" : "secondary"}>Off</Badge>)}
        </CardTitle>
        <CardDescription className="text-xs">
          {required
            ? "Needed to approve and pay out refunds, export refunds and audit events" + (me.role === "admin" ? ", and change admin settings." : ".")
            : "A code from your phone on top of your password, so a leaked password alone doesn't open your account."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        {!s ? (
          <Skeleton className="h-9 w-56" />
        ) : s.enabled ? (
          <>
            <p className="flex items-center gap-2 text-sm">
              <ShieldCheck className="size-4 text-success" aria-hidden />
              On since {formatDateTime(s.enabledAt!)} · {s.recoveryCodesLeft} of 10 recovery codes left
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" size="sm" onClick={() => setDialog("regenerate")}>
                New recovery codes
              </Button>
              <Button variant="outline" size="sm" className="text-destructive" onClick={() => setDialog("disable")}>
                <ShieldOff aria-hidden />
                Turn off
              </Button>
            </div>
          </>
        ) : (
          <div>
            <Button size="sm" onClick={() => setDialog("enrol")}>
              Set up two-factor
            </Button>
          </div>
        )}
      </CardContent>
      <EnrolTotpDialog open={dialog === "enrol"} onOpenChange={setOpen("enrol")} />
      <RegenerateCodesDialog open={dialog === "regenerate"} onOpenChange={setOpen("regenerate")} />
      <DisableTotpDialog open={dialog === "disable"} onOpenChange={setOpen("disable")} />
    </Card>
  );
}
