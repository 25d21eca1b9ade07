import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getUnreadCount, listNotifications, markAllNotificationsRead, markNotificationRead } from "../../api/notifications";

export const notificationKeys = {
  unread: ["notifications", "unread-count"] as const,
  feed: ["notifications", "feed"] as const,
};

export function useUnreadCount() {
  return useQuery({ queryKey: notificationKeys.unread, queryFn: getUnreadCount });
}

export function useNotificationFeed(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.feed, queryFn: () => listNotifications(1), enabled });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["notifications"] });
}

export function useMarkNotificationRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({ mutationFn: markNotificationRead, onSettled: invalidate });
}

export function useMarkAllNotificationsRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({ mutationFn: markAllNotificationsRead, onSettled: invalidate });
}
