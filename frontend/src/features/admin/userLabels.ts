import type { UserAccount } from "../../api/types";

export const userStatuses: Record<string, string> = {
  pending_verification: "Pending verification",
  pending_activation: "Pending activation",
  active: "Active",
  deactivated: "Deactivated",
};

export const statusTone = (status: string) =>
  status === "active" ? "green" : status === "deactivated" ? "red" : ("amber" as const);

/** Locked out after failed sign-ins right now (a past `locked_until` has run out). */
export const isLocked = (user: UserAccount, now = Date.now()) => !!user.locked_until && new Date(user.locked_until).getTime() > now;
