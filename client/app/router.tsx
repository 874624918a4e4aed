import { createBrowserRouter, redirect } from "react-router";
import { queryClient, trpc } from "@/lib/trpc.ts";
import { paths } from "@/lib/paths.ts";
import { RouteError } from "./route-error.tsx";
import { RouteFallback } from "./route-fallback.tsx";

/** Loads the session once per navigation (cached): signed-out people land on the sign-in page. */
async function requireSession({ request }: { request: Request }) {
  const me = await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  if (!me || me.secondFactorPending) {
    const url = new URL(request.url);
    const next = url.pathname + url.search;
    throw redirect(`${paths.signIn}${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`);
  }
  return null;
}

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  { path: paths.signIn, lazy: page(() => import("./routes/sign-in.tsx")), errorElement: <RouteError />, hydrateFallbackElement: <RouteFallback /> },
  { path: paths.setPassword, lazy: page(() => import("./routes/set-password.tsx")), errorElement: <RouteError />, hydrateFallbackElement: <RouteFallback /> },
  {
    path: "/",
    loader: requireSession,
    lazy: page(() => import("./routes/layout.tsx")),
    errorElement: <RouteError />,
    hydrateFallbackElement: <RouteFallback />,
    children: [
      { index: true, loader: () => redirect(paths.queue) },
      { path: "queue", lazy: page(() => import("./routes/queue.tsx")), errorElement: <RouteError /> },
      { path: "claims/new", lazy: page(() => import("./routes/new-claim.tsx")), errorElement: <RouteError /> },
      { path: "claims/:number", lazy: page(() => import("./routes/claim.tsx")), errorElement: <RouteError /> },
      { path: "mail/unsorted", lazy: page(() => import("./routes/unsorted-mail.tsx")), errorElement: <RouteError /> },
      { path: "approvals", lazy: page(() => import("./routes/approvals.tsx")), errorElement: <RouteError /> },
      { path: "reports", lazy: page(() => import("./routes/reports.tsx")), errorElement: <RouteError /> },
      { path: "reports/exports", lazy: page(() => import("./routes/export-history.tsx")), errorElement: <RouteError /> },
      { path: "admin", lazy: page(() => import("./routes/admin.tsx")), errorElement: <RouteError /> },
      { path: "admin/users", lazy: page(() => import("./routes/admin-users.tsx")), errorElement: <RouteError /> },
      { path: "admin/audit", lazy: page(() => import("./routes/admin-audit.tsx")), errorElement: <RouteError /> },
      { path: "admin/api-keys", lazy: page(() => import("./routes/admin-api-keys.tsx")), errorElement: <RouteError /> },
      { path: "orders/import", lazy: page(() => import("./routes/order-import.tsx")), errorElement: <RouteError /> },
      { path: "admin/templates", lazy: page(() => import("./routes/admin-templates.tsx")), errorElement: <RouteError /> },
      { path: "account", lazy: page(() => import("./routes/account.tsx")), errorElement: <RouteError /> },
      { path: "admin/policies/:storeId", lazy: page(() => import("./routes/admin-policy.tsx")), errorElement: <RouteError /> },
      { path: "policies", lazy: page(() => import("./routes/policies.tsx")), errorElement: <RouteError /> },
      { path: "policies/:storeId", lazy: page(() => import("./routes/policy.tsx")), errorElement: <RouteError /> },
      { path: "*", lazy: page(() => import("./routes/not-found.tsx")) },
    ],
  },
]);
