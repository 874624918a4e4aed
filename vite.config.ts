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
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page runs before its first paint, in two chunks: left to automatic chunking it came in
          // seven pieces once pages load parts lazily (each gzipped alone, ~2 KB more), and it changes less
          // often than the app's code, so it stays cached across deployments. React apart keeps each under
          // the 400 kB warning.
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 11 },
            { name: "framework", test: /node_modules[\\/](react-router|@tanstack[\\/](query-core|react-query)|@trpc|superjson|copy-anything|is-what|tailwind-merge|clsx|class-variance-authority)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/health": `http://127.0.0.1:${serverPort}`, "/api": `http://127.0.0.1:${serverPort}` },
  },
});
