// custom-elements.json (generated, not committed): feeds Storybook's docs tables, editors and
// the package's `customElements` field. Run by `npm run analyze`.
export default {
  globs: ['src/components/**/*.ts', 'src/workbench/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
