import { Outlet } from "react-router";
import { ModeToggle } from "@/components/theme/mode-toggle.tsx";
import { AppSidebar } from "@/features/shell/components/app-sidebar.tsx";
import { UserMenu } from "@/features/shell/components/user-menu.tsx";
import { MobileNav } from "@/features/shell/components/mobile-nav.tsx";
import { useMe } from "@/lib/auth.tsx";

export default function Layout() {
  const { data: me } = useMe();
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
