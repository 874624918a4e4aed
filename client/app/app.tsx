import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { ThemeProvider } from "@/components/theme/theme-provider.tsx";
import { DeferredToaster } from "@/components/ui/deferred-toaster.tsx";
import { queryClient } from "@/lib/trpc.ts";
import { router } from "./router.tsx";

export function App() {
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <DeferredToaster richColors closeButton />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
