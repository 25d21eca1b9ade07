import { api } from "../services/api";
import type { NotificationPage, UnreadCount } from "./types";

export const getUnreadCount = () => api.get<UnreadCount>("/api/notifications/unread-count");
export const listNotifications = (page = 1) =>
  api.get<NotificationPage>("/api/notifications", { order: "newest", page, per_page: 10 });
export const markNotificationRead = (id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => api.post<{ updated: number }>("/api/notifications/read-all");
