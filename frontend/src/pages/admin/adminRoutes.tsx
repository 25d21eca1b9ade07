// The admin area: each route's permission guards the page and decides its navigation entry.
import { Building2, KeyRound, ScrollText, Settings, ShieldCheck, Users, type LucideIcon } from "lucide-react";
import { CompaniesPage } from "./CompaniesPage";
import { PasswordResetsPage } from "./PasswordResetsPage";
import { RolesPage } from "./RolesPage";
import { SettingsPage } from "./SettingsPage";
import { AuditLogPage } from "./AuditLogPage";
import type { ReactElement } from "react";
import { NewUserPage } from "./NewUserPage";
import { UserImportPage, UserImportReportPage } from "./UserImportPage";
import { UserDetailPage } from "./UserDetailPage";
import { UsersPage } from "./UsersPage";

export interface AdminRoute {
  path: string;
  permission: string;
  element: ReactElement;
}

export const adminRoutes: AdminRoute[] = [
  { path: "admin/companies", permission: "companies:manage", element: <CompaniesPage /> },
  { path: "admin/settings", permission: "settings:manage", element: <SettingsPage /> },
  { path: "admin/roles", permission: "roles:manage", element: <RolesPage /> },
  { path: "admin/password-resets", permission: "password_resets:approve", element: <PasswordResetsPage /> },
  { path: "admin/audit", permission: "audit:read", element: <AuditLogPage /> },
  { path: "admin/users", permission: "users:read", element: <UsersPage /> },
  { path: "admin/users/new", permission: "users:create", element: <NewUserPage /> },
  { path: "admin/users/import", permission: "users:create", element: <UserImportPage /> },
  { path: "admin/users/import/:importId", permission: "users:create", element: <UserImportReportPage /> },
  { path: "admin/users/:id", permission: "users:read", element: <UserDetailPage /> },
];

export const adminNavItems: { to: string; label: string; icon: LucideIcon; permission: string }[] = [
  { to: "/admin/companies", label: "Companies", icon: Building2, permission: "companies:manage" },
  { to: "/admin/users", label: "Users", icon: Users, permission: "users:read" },
  { to: "/admin/roles", label: "Roles", icon: ShieldCheck, permission: "roles:manage" },
  { to: "/admin/password-resets", label: "Reset requests", icon: KeyRound, permission: "password_resets:approve" },
  { to: "/admin/audit", label: "Audit log", icon: ScrollText, permission: "audit:read" },
  { to: "/admin/settings", label: "Settings", icon: Settings, permission: "settings:manage" },
];
