// One WebSocket to the API (`/ws` or `/ws/conversations/{id}`), authenticated
// with `?access_token=`, reconnecting with backoff. The server closes a socket
// with 1008 when its token expires, and refuses the upgrade (we only see a
// close before open) when the token is bad: both get one refresh before retrying.
import { api } from "./api";
import { wsBaseUrl } from "./config";
import { getAccessToken } from "./session";

/** A pushed frame: `{type, channel, data, at}`, or a control answer (`subscribed`, `error`…). */
export interface LiveFrame {
  type: string;
  channel?: string;
  data?: unknown;
  at?: string;
  code?: string;
  [key: string]: unknown;
}

export interface LiveSocketOptions {
  onFrame: (frame: LiveFrame) => void;
  onStatus?: (connected: boolean) => void;
  baseUrl?: string;
  getToken?: () => string | null;
  refresh?: () => Promise<string | null>;
  createSocket?: (url: string) => WebSocket;
}

const MAX_BACKOFF_MS = 30_000;

export class LiveSocket {
  private socket: WebSocket | null = null;
  private stopped = false;
  private backoff = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly path: string;
  private readonly options: LiveSocketOptions;

  constructor(path: string, options: LiveSocketOptions) {
    this.path = path;
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Sends a client frame; false when the socket is not open (callers fall back to REST). */
  send(frame: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private async connect(): Promise<void> {
    const getToken = this.options.getToken ?? getAccessToken;
    const refresh = this.options.refresh ?? api.refreshSession;
    const token = getToken() ?? (await refresh());
    if (this.stopped) return;
    if (!token) return; // signed out: the REST layer sends the user to sign-in
    const base = this.options.baseUrl ?? wsBaseUrl();
    const url = `${base}${this.path}?access_token=${encodeURIComponent(token)}`;
    const socket = (this.options.createSocket ?? ((u) => new WebSocket(u)))(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.backoff = 1000;
      this.options.onStatus?.(true);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      try {
        this.options.onFrame(JSON.parse(event.data) as LiveFrame);
      } catch {
        // A malformed frame is dropped; the REST views stay the source of truth.
      }
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket === socket) this.socket = null;
      this.options.onStatus?.(false);
      if (this.stopped) return;
      const tokenProblem = !opened || event.code === 1008;
      this.timer = setTimeout(() => {
        void (tokenProblem ? refresh() : Promise.resolve()).then(() => {
          if (!this.stopped) void this.connect();
        });
      }, this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    };
  }
}
