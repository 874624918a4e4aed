import { ListFilter } from "lucide-react";
import { useMemo } from "react";
import { Outlet } from "react-router";
import { ModeToggle } from "@/components/theme/mode-toggle.tsx";
import { queueViews } from "@/features/claims/table/queue-params.ts";
import { AppSidebar } from "@/features/shell/components/app-sidebar.tsx";
import { MobileNav } from "@/features/shell/components/mobile-nav.tsx";
import { navItems } from "@/features/shell/components/nav-items.ts";
import { NotificationBell } from "@/features/notifications/components/notification-bell.tsx";
import { UserMenu } from "@/features/shell/components/user-menu.tsx";
import type { NavigationEntry } from "@/features/workflow/components/command-palette.tsx";
import { WorkflowShortcuts } from "@/features/workflow/components/workflow-shortcuts.tsx";
import { hasRole, useMe } from "@/lib/auth.tsx";
import { paths } from "@/lib/paths.ts";

export default function Layout() {
  const { data: me } = useMe();
  // The palette offers the same places as the sidebar (filtered by role) plus the queue's saved views.
  const navigation = useMemo<NavigationEntry[]>(() => {
    if (!me) return [];
    const pages = navItems.filter((item) => hasRole(me, item.roles)).map((item) => ({ label: item.label, to: item.to, icon: item.icon }));
    const views = queueViews
      .filter((v) => v.id !== "all" && v.id !== "mine")
      .map((v) => ({ label: `Queue: ${v.label}`, to: `${paths.queue}?view=${v.id}`, icon: ListFilter }));
    return [...pages, ...views];
  }, [me]);
  if (!me) return null;
  return (
    <div className="flex h-dvh overflow-hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring">
        Skip to content
      </a>
      <AppSidebar me={me} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center gap-2 border-b px-4">
          <MobileNav me={me} />
          <div className="flex-1" />
          <WorkflowShortcuts navigation={navigation} />
          <NotificationBell />
          <ModeToggle />
          <UserMenu me={me} />
        </header>
        <main id="main" className="min-h-0 flex-1 overflow-auto">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
