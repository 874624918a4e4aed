import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import { MAX_BATCH_SIZE, unbatchedProcedures } from "@shared/schemas/batching.ts";
import { paths } from "./paths.ts";
import type { AppRouter } from "../../server/routers/_app.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const isTrpcError = (e: unknown): e is TRPCClientError<AppRouter> => e instanceof TRPCClientError;
export const errorCode = (e: unknown) => (isTrpcError(e) ? e.data?.code : undefined);

/**
 * A session that ends mid-work (expired, signed out elsewhere, deactivated by an admin) sends the person
 * to sign-in, and back to where they were afterwards, instead of leaving a page full of errors.
 */
function onUnauthorized(error: unknown) {
  const here = window.location.pathname;
  if (errorCode(error) !== "UNAUTHORIZED" || here === paths.signIn || here === paths.setPassword) return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  queryClient.clear();
  window.location.assign(`${paths.signIn}?next=${next}`);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthorized }),
  mutationCache: new MutationCache({ onError: onUnauthorized }),
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
  links: [
    // The server refuses a batch holding a sign-in, password or code check, and batches past MAX_BATCH_SIZE.
    splitLink({
      condition: (op) => unbatchedProcedures.has(op.path),
      true: httpLink({ url: "/trpc", transformer: superjson }),
      false: httpBatchLink({ url: "/trpc", transformer: superjson, maxURLLength: 4000, maxItems: MAX_BATCH_SIZE }),
    }),
  ],
});

/** Options factories (`trpc.claims.listClaims.queryOptions(input)`): query keys are never written by hand. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** Zod field errors flattened by the server's error formatter, keyed by field path. */
export function fieldErrors(e: unknown): Record<string, string[]> {
  return (isTrpcError(e) && (e.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors) || {};
}
