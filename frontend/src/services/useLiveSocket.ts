import { useCallback, useEffect, useRef, useState } from "react";
import { LiveSocket, type LiveFrame } from "./liveSocket";

/** Keeps a LiveSocket on `path` while mounted (null = none); frames go to the latest `onFrame`. */
export function useLiveSocket(path: string | null, onFrame: (frame: LiveFrame) => void) {
  const handler = useRef(onFrame);
  handler.current = onFrame;
  const socketRef = useRef<LiveSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!path) return;
    const socket = new LiveSocket(path, { onFrame: (f) => handler.current(f), onStatus: setConnected });
    socketRef.current = socket;
    socket.start();
    return () => {
      socket.stop();
      socketRef.current = null;
    };
  }, [path]);

  const send = useCallback((frame: Record<string, unknown>) => socketRef.current?.send(frame) ?? false, []);
  return { connected, send };
}
