import { api } from "../services/api";
import type { Dashboard, Me } from "./types";

export const getMe = () => api.get<Me>("/api/me");
export const getDashboard = () => api.get<Dashboard>("/api/dashboard");
