import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../services/api";
import { getAccessToken, onAccessTokenChange } from "../services/session";

export const sessionProbeKey = ["session-probe"] as const;

/**
 * Whether someone is signed in, for public pages that must not send anyone to
 * sign-in: a token in memory says yes at once; otherwise (a fresh page load) one
 * quiet `POST /api/auth/refresh` tries the cookie. A failure just means "no".
 */
export function useSignedIn(): { signedIn: boolean; pending: boolean } {
  const [token, setToken] = useState(getAccessToken);
  useEffect(() => onAccessTokenChange(setToken), []);
  const probe = useQuery({
    queryKey: sessionProbeKey,
    queryFn: async () => (await api.refreshSession()) !== null,
    enabled: token === null,
    staleTime: Infinity,
    retry: false,
  });
  if (token !== null) return { signedIn: true, pending: false };
  return { signedIn: false, pending: probe.isPending && probe.fetchStatus !== "idle" };
}
