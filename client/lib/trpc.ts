import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "../../server/routers/_app.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const isTrpcError = (e: unknown): e is TRPCClientError<AppRouter> => e instanceof TRPCClientError;
export const errorCode = (e: unknown) => (isTrpcError(e) ? e.data?.code : undefined);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Retrying a 4xx only delays the message the person needs to see.
      retry: (failures, error) => failures < 2 && !["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(errorCode(error) ?? ""),
      refetchOnWindowFocus: true,
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", transformer: superjson, maxURLLength: 4000 })],
});

/** Options factories (`trpc.claims.listClaims.queryOptions(input)`): query keys are never written by hand. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** Zod field errors flattened by the server's error formatter, keyed by field path. */
export function fieldErrors(e: unknown): Record<string, string[]> {
  return (isTrpcError(e) && (e.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors) || {};
}
