// The admin area: each route's permission guards the page and decides its navigation entry.
import { Building2, KeyRound, ScrollText, Settings, ShieldCheck, Users, type LucideIcon } from "lucide-react";
import type { ReactElement } from "react";
import { lazyPage } from "../../components/lazyPage";

export interface AdminRoute {
  path: string;
  permission: string;
  element: ReactElement;
}

export const adminRoutes: AdminRoute[] = [
  { path: "admin/companies", permission: "companies:manage", element: lazyPage(() => import("./CompaniesPage"), (m) => m.CompaniesPage) },
  { path: "admin/settings", permission: "settings:manage", element: lazyPage(() => import("./SettingsPage"), (m) => m.SettingsPage) },
  { path: "admin/roles", permission: "roles:manage", element: lazyPage(() => import("./RolesPage"), (m) => m.RolesPage) },
  { path: "admin/password-resets", permission: "password_resets:approve", element: lazyPage(() => import("./PasswordResetsPage"), (m) => m.PasswordResetsPage) },
  { path: "admin/audit", permission: "audit:read", element: lazyPage(() => import("./AuditLogPage"), (m) => m.AuditLogPage) },
  { path: "admin/users", permission: "users:read", element: lazyPage(() => import("./UsersPage"), (m) => m.UsersPage) },
  { path: "admin/users/new", permission: "users:create", element: lazyPage(() => import("./NewUserPage"), (m) => m.NewUserPage) },
  { path: "admin/users/import", permission: "users:create", element: lazyPage(() => import("./UserImportPage"), (m) => m.UserImportPage) },
  { path: "admin/users/import/:importId", permission: "users:create", element: lazyPage(() => import("./UserImportPage"), (m) => m.UserImportReportPage) },
  { path: "admin/users/:id", permission: "users:read", element: lazyPage(() => import("./UserDetailPage"), (m) => m.UserDetailPage) },
];

export const adminNavItems: { to: string; label: string; icon: LucideIcon; permission: string }[] = [
  { to: "/admin/companies", label: "Companies", icon: Building2, permission: "companies:manage" },
  { to: "/admin/users", label: "Users", icon: Users, permission: "users:read" },
  { to: "/admin/roles", label: "Roles", icon: ShieldCheck, permission: "roles:manage" },
  { to: "/admin/password-resets", label: "Reset requests", icon: KeyRound, permission: "password_resets:approve" },
  { to: "/admin/audit", label: "Audit log", icon: ScrollText, permission: "audit:read" },
  { to: "/admin/settings", label: "Settings", icon: Settings, permission: "settings:manage" },
];
