import { api } from "../services/api";
import type { Dashboard, Me, UserPage } from "./types";

export const getMe = () => api.get<Me>("/api/me");
export const getDashboard = () => api.get<Dashboard>("/api/dashboard");

/** People in the caller's scope (needs `users:read`); used to pick colleagues to message. */
export const searchUsers = (q: string) => api.get<UserPage>("/api/admin/users", { q, status: "active", per_page: 20 });
