import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // docs/storybook/*.mdx show the repository's Markdown docs as pages.
  stories: ['../docs/storybook/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // `<egm-map src>` stories fetch the demo map as a page would: served at /demo/ in dev and
  // copied into storybook-static/demo/ by the build. Only the file the stories load, not the
  // demo pages (they expect dist/, which Storybook does not have).
  staticDirs: [{ from: '../demo/peer-support.egm.json', to: '/demo/peer-support.egm.json' }],
  core: { disableTelemetry: true },
  viteFinal: (vite) => ({
    ...vite,
    logLevel: 'warn',
    // Storybook's own UI chunks are large; ours are budgeted by scripts/size.mjs.
    build: { ...vite.build, chunkSizeWarningLimit: 2048, reportCompressedSize: false },
  }),
};

export default config;
