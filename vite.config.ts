import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // antd alone is larger than the default 500 kB warning limit before gzip; the budget that matters is the gzip size.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // The survey answering page is a page of its own: respondents on phones load React and the form, not the admin app.
      input: { main: `${repoRoot}src/web/index.html`, survey: `${repoRoot}src/web/survey.html` },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
