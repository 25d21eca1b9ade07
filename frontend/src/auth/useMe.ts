import { useQuery } from "@tanstack/react-query";
import { getMe } from "../api/me";

export const meQueryKey = ["me"] as const;

/** The signed-in user (`GET /api/me`); a failed session refresh redirects to sign-in from the API module. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000, retry: false });
}
