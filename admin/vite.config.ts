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
        manualChunks: (id: string) => {
          if (/node_modules\/exceljs\//.test(id)) return 'exceljs'; // loaded only when exporting
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/@mui\//.test(id)) return 'mui';
          if (/node_modules\/(recharts|d3-[a-z]+|victory-vendor)\//.test(id)) return 'charts';
          return /node_modules\//.test(id) ? 'vendor' : undefined;
        },
      },
    },
  },
});
