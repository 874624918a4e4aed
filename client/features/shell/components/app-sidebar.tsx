import { Link, useLocation } from "react-router";
import { cn } from "@/lib/utils.ts";
import { hasRole, type Me } from "@/lib/auth.tsx";
import { navItems } from "./nav-items.ts";

export function AppSidebar({ me }: { me: Me }) {
  const { pathname, search } = useLocation();
  return (
    <aside className="hidden w-56 shrink-0 flex-col border-r bg-sidebar text-sidebar-foreground md:flex">
      <div className="flex h-12 items-center gap-2 border-b px-4">
        <img src="/favicon.svg" alt="" className="size-6" />
        <span className="font-semibold tracking-tight">Claimdesk</span>
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 p-2">
        {navItems
          .filter((item) => hasRole(me, item.roles))
          .map((item) => {
            const active = item.match(pathname, search);
            return (
              <Link
                key={item.label}
                to={item.to}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-8 items-center gap-2 rounded-md px-2 text-sm text-sidebar-foreground/80 outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
                  active && "bg-sidebar-accent font-medium text-sidebar-accent-foreground",
                )}
              >
                <item.icon className="size-4" aria-hidden />
                {item.label}
              </Link>
            );
          })}
      </nav>
    </aside>
  );
}
