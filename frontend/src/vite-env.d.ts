/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** API origin, e.g. https://api.example.com; empty = the page's own origin. */
  readonly VITE_API_URL?: string;
  /** WebSocket origin, e.g. wss://ws.example.com; empty = derived from the page origin. */
  readonly VITE_WS_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
