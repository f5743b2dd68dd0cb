// Vite builds the UI into web/dist (hashed files under dist/assets/), which `zhiliang serve`
// serves at / with an SPA fallback. In development the API is proxied to a local server.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const apiTarget = process.env.ZL_API_TARGET || 'http://127.0.0.1:8080'
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/metrics'].map((path) => [path, { target: apiTarget, changeOrigin: false }]),
)

export default defineConfig({
  plugins: [vue()],
  // vue-i18n feature flags: Composition API only, no devtools hooks in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Vendor code changes rarely; separate chunks keep it cached across UI releases
        // and keep every chunk under Vite's size warning.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 3 },
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@vueuse|async-validator|dayjs|lodash|lodash-es|lodash-unified|memoize-one|normalize-wheel-es|@ctrl)[\\/]/,
              priority: 2,
            },
            // Highest priority: otherwise the groups above capture Vue as their dependency.
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/, priority: 4 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
    setupFiles: ['src/test/setup.js'],
    // The first test of a file that reaches a lazy route transforms its components (and
    // the Element Plus files they use) on the spot, which can take seconds on a busy machine.
    testTimeout: 20_000,
    css: false,
    // Run Element Plus through Vite, so that its default import of the CommonJS
    // async-validator gets the class (under plain Node it gets the module object and
    // every form validation silently passes).
    server: { deps: { inline: ['element-plus'] } },
  },
})
