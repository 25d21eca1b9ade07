import { LayoutDashboard, MessagesSquare, type LucideIcon } from "lucide-react";
import { adminNavItems } from "../pages/admin/adminRoutes";
import type { Me } from "../api/types";
import { can } from "./permissions";

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Shown only to holders of this permission (from GET /api/me). */
  permission?: string;
}

// Only pages that exist are listed; admin and recruiting pages join as they are built.
export const navItems: NavItem[] = [
  { to: "/", label: "Dashboard", icon: LayoutDashboard },
  { to: "/messages", label: "Messages", icon: MessagesSquare, permission: "messaging:use" },
  ...adminNavItems,
];

export function visibleNavItems(me: Me): NavItem[] {
  return navItems.filter((item) => !item.permission || can(me, item.permission));
}
