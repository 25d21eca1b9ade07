// Where the API and the sockets live. Empty VITE_* values mean "same origin",
// which is how the local bin serves the built app.

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Origin for REST calls ("" = the page's own origin, relative URLs). */
export function apiBaseUrl(): string {
  return trimSlash(import.meta.env.VITE_API_URL ?? "");
}

/** Origin for WebSockets: VITE_WS_URL, else the page origin with ws(s). */
export function wsBaseUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  const configured = import.meta.env.VITE_WS_URL;
  if (configured) return trimSlash(configured);
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}`;
}
