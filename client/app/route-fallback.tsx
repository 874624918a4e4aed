import { Skeleton } from "@/components/ui/skeleton.tsx";

export function RouteFallback() {
  return (
    <div className="space-y-3 p-6" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
