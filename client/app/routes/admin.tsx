import { Suspense } from "react";
import { paths } from "@/lib/paths.ts";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { ChevronRight, FileUp, KeyRound, Mail, ScrollText, Users, type LucideIcon } from "lucide-react";
import { Link } from "react-router";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { StorePoliciesTable } from "@/features/policy/components/store-policies-table.tsx";
import { SecondFactorBanner } from "@/lib/auth.tsx";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";
import { RolePage } from "./require-role-page.tsx";

// The daily report form (react-hook-form and zod, ~40 KB gzip) loads beside the page's data, not before it.
const DailyReportSettings = lazyWithPreload(() => import("@/features/exports/components/daily-report-settings.tsx").then((m) => m.DailyReportSettings));
void DailyReportSettings.preload();

export default function AdminPage() {
  return (
    <RolePage roles={["admin"]}>
      <div className="mx-auto flex max-w-4xl flex-col gap-4 p-4 lg:p-6">
        <h1 className="text-xl font-semibold tracking-tight">Admin</h1>
        <SecondFactorBanner action="change people, policies, templates and other admin settings" />
        <nav aria-label="Admin sections" className="grid gap-3 sm:grid-cols-2">
          <AdminLink to={paths.adminUsers} icon={Users} title="People" text="Invite people, set their role and stores, deactivate and reset passwords." />
          <AdminLink to={paths.adminAudit} icon={ScrollText} title="Audit" text="Every admin action: who did what to whom, and when." />
          <AdminLink to={paths.adminApiKeys} icon={KeyRound} title="Store API keys" text="Keys for shops' own systems to sync orders and open claims; the OpenAPI document." />
          <AdminLink to={paths.orderImport} icon={FileUp} title="Import orders" text="Upload a CSV of orders for stores without the API, with a checked preview." />
          <AdminLink to={paths.adminTemplates} icon={Mail} title="Message templates" text="What customers receive per store and situation, with a live preview." />
        </nav>
        <Card className="gap-3 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">Store policies</CardTitle>
            <CardDescription className="text-xs">Edit a store's numbers, time zone and holidays; every save is a new version and claims keep the one they were judged by.</CardDescription>
          </CardHeader>
          <CardContent className="px-2">
            <StorePoliciesTable editable />
          </CardContent>
        </Card>
        <Suspense fallback={<Skeleton className="h-48 w-full" aria-label="Loading the daily report settings" />}>
          <DailyReportSettings />
        </Suspense>
      </div>
    </RolePage>
  );
}

function AdminLink({ to, icon: Icon, title, text }: { to: string; icon: LucideIcon; title: string; text: string }) {
  return (
    <Link to={to} className="group flex items-start gap-3 rounded-xl border bg-card p-4 shadow-xs outline-none transition-colors hover:bg-accent/50 focus-visible:ring-2 focus-visible:ring-ring">
      <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
      <span className="grid flex-1 gap-1">
        <span className="text-sm font-medium">{title}</span>
        <span className="text-xs text-muted-foreground">{text}</span>
      </span>
      <ChevronRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
    </Link>
  );
}
