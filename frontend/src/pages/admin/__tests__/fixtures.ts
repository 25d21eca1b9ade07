import type { Me, UserAccount } from "../../../api/types";
import { jsonResponse, type RecordedCall } from "../../../test/fakeFetch";

export const companyId = "01900000-0000-7000-8000-00000000c001";
export const userId = "01900000-0000-7000-8000-0000000000a1";

export function admin(permissions: string[] = ["users:read", "users:create", "users:update", "users:deactivate", "audit:read"]): Me {
  return {
    id: "01900000-0000-7000-8000-0000000000ad",
    email: "ada.admin@bluepeak.example",
    full_name: "Ada Admin",
    status: "active",
    roles: ["agency_admin"],
    permissions,
    company: { id: companyId, name: "Bluepeak Staffing", type: "agency" },
  };
}

export function account(extra: Partial<UserAccount> = {}): UserAccount {
  return {
    id: userId,
    email: "rita.recruiter@bluepeak.example",
    full_name: "Rita Recruiter",
    status: "active",
    roles: ["recruiter"],
    company: { id: companyId, name: "Bluepeak Staffing", type: "agency" },
    login_hold_reason: null,
    locked_until: null,
    last_login_at: null,
    created_at: "2026-01-05T09:00:00Z",
    ...extra,
  };
}

/** Answers GET /api/me with `me`; everything else goes to `route`. */
export function withMe(me: Me, route: (call: RecordedCall) => Response | Promise<Response> | undefined) {
  return (call: RecordedCall) => (call.method === "GET" && new URL(call.url, "http://x").pathname === "/api/me" ? jsonResponse(200, me) : route(call));
}

export const path = (call: RecordedCall) => new URL(call.url, "http://x").pathname;
export const params = (call: RecordedCall) => Object.fromEntries(new URL(call.url, "http://x").searchParams);
