import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into admin/dist and served by the API server at /admin; `npm run dev -w admin` proxies /graphql.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // separate, long-cached chunks for React, MUI and react-admin
        manualChunks: (id: string) =>
          /node_modules\/(react|react-dom|scheduler)\//.test(id) ? 'react' : /node_modules\/@mui\//.test(id) ? 'mui' : /node_modules\//.test(id) ? 'vendor' : undefined,
      },
    },
  },
});
