import { Link } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { paths } from "@/lib/paths.ts";

export default function NotFoundPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-24 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-muted-foreground">The address may be mistyped, or the page has moved.</p>
      <Button asChild>
        <Link to={paths.queue}>Back to the queue</Link>
      </Button>
    </div>
  );
}
