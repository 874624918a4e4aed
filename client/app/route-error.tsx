import { AlertTriangle } from "lucide-react";
import { Link, Navigate, isRouteErrorResponse, useLocation, useRouteError } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { errorCode } from "@/lib/trpc.ts";
import { paths } from "@/lib/paths.ts";

/** Root and per-route error boundary: an expired session goes back to sign-in, anything else is explained. */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const code = errorCode(error);
  if (code === "UNAUTHORIZED") {
    return <Navigate to={`${paths.signIn}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  const title = code === "FORBIDDEN" ? "You don't have access to this page" : code === "NOT_FOUND" ? "Not found" : "Something went wrong";
  const detail =
    isRouteErrorResponse(error) ? error.statusText : error instanceof Error ? error.message : "An unexpected error occurred.";
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-24 text-center">
      <AlertTriangle className="size-8 text-warning" aria-hidden />
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{detail}</p>
      <div className="flex gap-2">
        <Button variant="outline" onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Button asChild>
          <Link to={paths.queue}>Back to the queue</Link>
        </Button>
      </div>
    </div>
  );
}
