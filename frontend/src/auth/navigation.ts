import { adminNavItems } from "../pages/admin/adminRoutes";
import { Bookmark, BriefcaseBusiness, ChartColumn, ClipboardList, LayoutDashboard, ListChecks, MessagesSquare, Search, UserRound, Users, type LucideIcon } from "lucide-react";
import type { Me } from "../api/types";
import { can } from "./permissions";

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Shown only to holders of this permission (from GET /api/me). */
  permission?: string;
  /** Shown to holders of any of these. */
  anyPermission?: string[];
}

// Only pages that exist are listed; admin and recruiting pages join as they are built.
export const navItems: NavItem[] = [
  { to: "/", label: "Dashboard", icon: LayoutDashboard },
  { to: "/messages", label: "Messages", icon: MessagesSquare, permission: "messaging:use" },
  { to: "/me/profile", label: "My profile", icon: UserRound, permission: "candidate:self" },
  { to: "/me/applications", label: "My applications", icon: ClipboardList, permission: "candidate:self" },
  { to: "/me/saved-jobs", label: "Saved jobs", icon: Bookmark, permission: "candidate:self" },
  ...adminNavItems,
  { to: "/recruiting/jobs", label: "Jobs", icon: BriefcaseBusiness, permission: "jobs:read" },
  { to: "/recruiting/applications", label: "Applications", icon: ListChecks, permission: "applications:read" },
  { to: "/recruiting/candidates", label: "Candidates", icon: Users, permission: "candidates:read" },
  { to: "/recruiting/search", label: "Search", icon: Search, anyPermission: ["candidates:read", "jobs:read"] },
  { to: "/recruiting/analytics", label: "Analytics", icon: ChartColumn, permission: "reports:read" },
];

export function visibleNavItems(me: Me): NavItem[] {
  return navItems.filter(
    (item) => (!item.permission || can(me, item.permission)) && (!item.anyPermission || item.anyPermission.some((p) => can(me, p))),
  );
}
