import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

/** How often the bell asks for its count while the tab is open (also on focus, the client's default). */
export const UNREAD_POLL_MS = 30_000;

export function useUnreadCount() {
  return useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: UNREAD_POLL_MS, refetchOnWindowFocus: true, staleTime: 10_000 }));
}

/** The recent notifications, fetched while the popover is open. */
export function useRecentNotifications(open: boolean) {
  return useQuery(trpc.notifications.list.queryOptions({ pageSize: 20 }, { enabled: open, staleTime: 0 }));
}

const refresh = () => queryClient.invalidateQueries(trpc.notifications.pathFilter());
const fail = (what: string) => (error: { message: string }) => toast.error(what, { description: error.message });

export function useMarkRead() {
  return useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh, onError: fail("Could not mark the notification read") }));
}

export function useMarkAllRead() {
  return useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh, onError: fail("Could not mark the notifications read") }));
}
