// The admin routes (docs/admin-guide.md, docs/csv-import.md, docs/email-templates.md, docs/auth.md).
import { api } from "../services/api";
import type {
  QueryOf,
  AuditLogPage,
  CompanyDetails,
  CompanyPage,
  CreateCompanyRequest,
  CreateRoleRequest,
  CreateUserRequest,
  EmailTemplate,
  PendingResets,
  PermissionCatalogue,
  PreviewTemplateRequest,
  RenderedTemplate,
  RoleList,
  RoleView,
  SaveTemplateRequest,
  TenantSettings,
  UpdateCompanyRequest,
  UpdateRoleRequest,
  UpdateSettingsRequest,
  UpdateUserRequest,
  UserAccount,
  UserAccountPage,
  UserImportReport,
} from "./types";

const enc = encodeURIComponent;

export type UserListQuery = QueryOf<"admin_users_list">;
export type AuditLogQuery = QueryOf<"admin_audit_logs">;
export type AuditExportQuery = QueryOf<"admin_audit_logs_export">;
export type CompanyListQuery = QueryOf<"admin_companies_list">;
/** `?company_id=` of the settings and template routes: super admins name a company, or none for the platform level. */
type Scope = { company_id?: string | undefined };

// Users
export const listUsers = (query: UserListQuery) => api.request<UserAccountPage>("/api/admin/users", { query: { ...query } });
export const getUser = (id: string) => api.get<UserAccount>(`/api/admin/users/${enc(id)}`);
export const createUser = (body: CreateUserRequest) => api.post<UserAccount>("/api/admin/users", body);
export const updateUser = (id: string, body: UpdateUserRequest) =>
  api.request<UserAccount>(`/api/admin/users/${enc(id)}`, { method: "PATCH", body });
export const deactivateUser = (id: string) => api.request<void>(`/api/admin/users/${enc(id)}`, { method: "DELETE" });
export const reactivateUser = (id: string) => api.post<void>(`/api/admin/users/${enc(id)}/reactivate`);
export const holdLogin = (id: string, reason: string) => api.post<void>(`/api/admin/users/${enc(id)}/hold-login`, { reason });
export const releaseLogin = (id: string) => api.request<void>(`/api/admin/users/${enc(id)}/hold-login`, { method: "DELETE" });
export const unlockUser = (id: string) => api.post<void>(`/api/admin/users/${enc(id)}/unlock`);
export const resendActivation = (id: string) => api.post<void>(`/api/admin/users/${enc(id)}/resend-activation`);

// CSV import
export function startUserImport(file: File, companyId?: string) {
  const form = new FormData();
  form.set("file", file, file.name);
  if (companyId) form.set("company_id", companyId);
  return api.request<UserImportReport>("/api/admin/users/bulk", { method: "POST", form });
}
export const getUserImport = (importId: string) => api.get<UserImportReport>(`/api/admin/users/bulk/${enc(importId)}`);

// Audit log
export const listAuditLogs = (query: AuditLogQuery) => api.request<AuditLogPage>("/api/admin/audit-logs", { query: { ...query } });
export const exportAuditLogs = (query: AuditExportQuery) => api.download("/api/admin/audit-logs/export", { query: { ...query } });

// Roles
export const listPermissions = () => api.get<PermissionCatalogue>("/api/admin/permissions");
export const listRoles = (companyId?: string) => api.get<RoleList>("/api/admin/roles", { company_id: companyId });
export const createRole = (body: CreateRoleRequest) => api.post<RoleView>("/api/admin/roles", body);
export const updateRole = (id: string, body: UpdateRoleRequest) => api.request<RoleView>(`/api/admin/roles/${enc(id)}`, { method: "PUT", body });
export const deleteRole = (id: string) => api.request<void>(`/api/admin/roles/${enc(id)}`, { method: "DELETE" });

// Password-reset approvals
export const listPendingResets = () => api.get<PendingResets>("/api/admin/password-reset-requests");
export const approveReset = (requestId: string) => api.post<void>("/api/auth/password-reset/approve", { request_id: requestId });

// Settings and email templates
export const getSettings = (scope: Scope = {}) => api.get<TenantSettings>("/api/admin/settings", { ...scope });
export const updateSettings = (body: UpdateSettingsRequest, scope: Scope = {}) =>
  api.request<TenantSettings>("/api/admin/settings", { method: "PUT", body, query: { ...scope } });
export const listEmailTemplates = (scope: Scope = {}) => api.get<EmailTemplate[]>("/api/admin/settings/email-templates", { ...scope });
export const saveEmailTemplate = (name: string, body: SaveTemplateRequest, scope: Scope = {}) =>
  api.request<EmailTemplate>(`/api/admin/settings/email-templates/${enc(name)}`, { method: "PUT", body, query: { ...scope } });
export const previewEmailTemplate = (name: string, body: PreviewTemplateRequest, scope: Scope = {}) =>
  api.request<RenderedTemplate>(`/api/admin/settings/email-templates/${enc(name)}/preview`, { method: "POST", body, query: { ...scope } });
export const resetEmailTemplate = (name: string, scope: Scope = {}) =>
  api.request<void>(`/api/admin/settings/email-templates/${enc(name)}`, { method: "DELETE", query: { ...scope } });

// Companies (super admin)
export const listCompanies = (query: CompanyListQuery) => api.request<CompanyPage>("/api/admin/companies", { query: { ...query } });
export const createCompany = (body: CreateCompanyRequest) => api.post<CompanyDetails>("/api/admin/companies", body);
export const updateCompany = (id: string, body: UpdateCompanyRequest) =>
  api.request<CompanyDetails>(`/api/admin/companies/${enc(id)}`, { method: "PATCH", body });
