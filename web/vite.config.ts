// Builds the staff application into web/dist, which `sige serve` serves at "/".
// `npm run dev` serves it with hot reload and forwards the API to a local sige
// (SIGE_DEV_API, default http://127.0.0.1:8080, e.g. the one `make run` starts).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const api = process.env.SIGE_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The server's CSP forbids inline scripts; keep every asset a file.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/t/': { target: api, changeOrigin: false },
    },
  },
});
