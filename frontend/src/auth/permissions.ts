import type { Me } from "../api/types";

/** Messaging's role families (docs/messaging.md): decided from the caller's roles and company. */
export type RoleFamily = "super_admin" | "recruiter" | "employer" | "candidate";

export function can(me: Me | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

export function roleFamily(me: Me): RoleFamily {
  if (me.roles.includes("super_admin")) return "super_admin";
  if (!me.company) return "candidate";
  return me.company.type === "employer" ? "employer" : "recruiter";
}

/** The one pair messaging always refuses; the UI prevents it before the API has to. */
export function isBlockedPair(a: string, b: string): boolean {
  return (a === "candidate" && b === "employer") || (a === "employer" && b === "candidate");
}
