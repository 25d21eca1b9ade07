// The access token lives in memory only: a page reload restores it through the
// HttpOnly refresh cookie (POST /api/auth/refresh), never from storage.

type Listener = (token: string | null) => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  for (const listener of listeners) listener(token);
}

export function clearSession(): void {
  setAccessToken(null);
}

/** Called with the new token (or null) whenever it changes; returns an unsubscribe. */
export function onAccessTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
