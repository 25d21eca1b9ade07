import { useQuery } from "@tanstack/react-query";
import { listUsers } from "../../../api/admin";
import { listContacts } from "../../../api/messaging";
import type { Me } from "../../../api/types";
import { can } from "../../../auth/permissions";

export interface Colleague {
  id: string;
  fullName: string;
  /** Email from the users list, to tell namesakes apart (the contacts carry none). */
  detail: string;
}

/**
 * Where the people picker gets the caller's colleagues from. No route lists a
 * company's users for every role: `GET /api/admin/users` needs `users:read`
 * (admins and agency managers); without it, the messaging contacts are the
 * only list the API offers, and they hold the caller's active colleagues.
 */
export type ColleagueSource = "users" | "contacts" | "none";

const PAGE = 100;
/** What `listContacts` asks for (the API's maximum). */
const CONTACTS_LIMIT = 50;

const matches = (me: Me, q: string) => !q || `${me.full_name} ${me.email}`.toLowerCase().includes(q.toLowerCase());

export function colleagueSource(me: Me | undefined): ColleagueSource {
  if (can(me, "users:read")) return "users";
  if (can(me, "messaging:use")) return "contacts";
  return "none";
}

/** Active people of the caller's company matching `query` (name or email). */
export function useColleagues(me: Me | undefined, query: string, enabled: boolean) {
  const source = colleagueSource(me);
  const q = query.trim();
  const company = me?.company ?? null;

  const users = useQuery({
    queryKey: ["admin", "users", { status: "active", q, per_page: PAGE }],
    queryFn: () => listUsers({ status: "active", q: q || undefined, per_page: PAGE }),
    enabled: enabled && source === "users" && !!company,
  });
  const contacts = useQuery({
    queryKey: ["messaging", "contacts", q],
    queryFn: () => listContacts(q),
    enabled: enabled && source === "contacts" && !!company,
  });

  let people: Colleague[] = [];
  let truncated = false;
  if (source === "users" && users.data && company) {
    people = users.data.items.filter((u) => u.company?.id === company.id).map((u) => ({ id: u.id, fullName: u.full_name, detail: u.email }));
    truncated = users.data.total > users.data.items.length;
  } else if (source === "contacts" && contacts.data && company) {
    // Contacts also hold people of other companies linked by shared jobs; company names are unique, so the name tells colleagues apart.
    people = contacts.data.items.filter((c) => c.company_name === company.name).map((c) => ({ id: c.id, fullName: c.full_name, detail: "" }));
    truncated = contacts.data.items.length >= CONTACTS_LIMIT;
  }
  // The contacts never list the caller, and without either list the caller still knows themselves: they can always staff themselves.
  if (me && company && !people.some((p) => p.id === me.id) && matches(me, q)) {
    people = [{ id: me.id, fullName: me.full_name, detail: "you" }, ...people];
  }
  const active = source === "users" ? users : contacts;
  return { source, people, truncated, loading: source !== "none" && active.isFetching, error: source === "none" ? null : active.error };
}
