import { queryClient, trpc } from "@/lib/trpc.ts";

/** People and the audit log both change with every admin action. */
export const invalidatePeople = () => queryClient.invalidateQueries(trpc.users.pathFilter());
