import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: "client",
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
      "@": fileURLToPath(new URL("./client", import.meta.url)),
    },
  },
  // The manifest lets bench:client add up each route's initial JS (entry, route chunk and their static imports).
  build: { outDir: "../dist", emptyOutDir: true, sourcemap: true, manifest: true, chunkSizeWarningLimit: 400 },
  server: {
    port: 5173,
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/health": `http://127.0.0.1:${serverPort}`, "/api": `http://127.0.0.1:${serverPort}` },
  },
});
