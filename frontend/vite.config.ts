/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

// In `npm run dev` the API is proxied so the refresh cookie (Path=/api/auth,
// SameSite=Strict) stays same-origin, exactly as when the local bin serves dist/.
const apiTarget = process.env.HIREOPS_API_PROXY ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/ws": { target: apiTarget.replace(/^http/, "ws"), ws: true },
    },
  },
  build: {
    rollupOptions: {
      output: {
        // The libraries change far less often than the app: their own chunks stay cached across releases.
        manualChunks: {
          react: ["react", "react-dom", "react-dom/client", "react-router"],
          forms: ["react-hook-form", "@hookform/resolvers", "zod"],
          query: ["@tanstack/react-query"],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
