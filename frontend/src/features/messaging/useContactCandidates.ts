import { useQuery } from "@tanstack/react-query";
import { listContacts } from "../../api/messaging";
import type { Me } from "../../api/types";
import { roleFamily, type RoleFamily } from "../../auth/permissions";

export interface Contact {
  id: string;
  fullName: string;
  detail: string;
  family: RoleFamily | null;
}

/** Super admins reach everyone, so the API wants at least this much of a search from them. */
const SUPER_ADMIN_SEARCH_MIN = 2;

/**
 * People the caller can pick, from `GET /api/messaging/contacts`: the API
 * offers only those the messaging rules let the caller talk to.
 */
export function useContactCandidates(me: Me, query: string) {
  const q = query.trim();
  const superAdmin = roleFamily(me) === "super_admin";
  const found = useQuery({
    queryKey: ["messaging", "contacts", q],
    queryFn: () => listContacts(q),
    enabled: !superAdmin || q.length >= SUPER_ADMIN_SEARCH_MIN,
  });
  const contacts: Contact[] = (found.data?.items ?? []).map((c) => ({
    id: c.id,
    fullName: c.full_name,
    detail: c.company_name ?? c.role_family,
    family: c.role_family as RoleFamily,
  }));
  return { contacts, needsSearch: superAdmin && q.length < SUPER_ADMIN_SEARCH_MIN, loading: found.isFetching };
}
