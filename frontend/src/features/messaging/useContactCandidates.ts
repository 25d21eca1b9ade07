import { useQuery } from "@tanstack/react-query";
import { listConversations } from "../../api/messaging";
import { searchUsers } from "../../api/me";
import type { Me, UserAccount } from "../../api/types";
import { can, type RoleFamily } from "../../auth/permissions";

export interface Contact {
  id: string;
  fullName: string;
  detail: string;
  family: RoleFamily | null;
}

function familyOfAccount(u: UserAccount): RoleFamily {
  if (u.roles.includes("super_admin")) return "super_admin";
  if (!u.company) return "candidate";
  return u.company.type === "employer" ? "employer" : "recruiter";
}

/**
 * People the caller can pick. The API has no messaging directory yet, so this
 * combines the people of existing conversations with, for holders of
 * `users:read`, the user search; anyone else can be added by user id.
 */
export function useContactCandidates(me: Me, query: string) {
  const known = useQuery({ queryKey: ["conversations"], queryFn: () => listConversations() });
  const canSearch = can(me, "users:read");
  const search = useQuery({
    queryKey: ["users", "search", query],
    queryFn: () => searchUsers(query),
    enabled: canSearch && query.trim().length >= 2,
  });

  const contacts = new Map<string, Contact>();
  for (const c of known.data?.items ?? []) {
    for (const p of c.participants) {
      if (p.id !== me.id) contacts.set(p.id, { id: p.id, fullName: p.full_name, detail: p.role_family, family: p.role_family as RoleFamily });
    }
  }
  for (const u of search.data?.items ?? []) {
    if (u.id !== me.id) contacts.set(u.id, { id: u.id, fullName: u.full_name, detail: u.email, family: familyOfAccount(u) });
  }
  const q = query.trim().toLowerCase();
  const list = [...contacts.values()].filter((c) => !q || c.fullName.toLowerCase().includes(q) || c.detail.toLowerCase().includes(q));
  return { contacts: list, canSearch, loading: known.isPending || search.isFetching };
}
