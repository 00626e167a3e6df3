// The docs site over armgen's generated resource pages. The docs folder is the
// generator's output as it stands: armgen writes the sidebar data (_category_.json) and
// a page for every linked type, so any broken link here is a generator bug.

/** @type {import('@docusaurus/types').Config} */
export default {
  title: 'armgen resources',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    // The pages are generated CommonMark carrying spec text (an example name with `{` or
    // `<` would break MDX), so `.md` files are parsed as Markdown, not MDX.
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  plugins: [
    // Only for the home page (src/pages/index.md), which the navbar links to.
    '@docusaurus/plugin-content-pages',
    [
      '@docusaurus/plugin-content-docs',
      {
        path: '../generated/docs',
        // The site is only these docs, so they are served from the root.
        routeBasePath: '/',
        sidebarPath: './sidebars.mjs',
      },
    ],
  ],
  themes: ['@docusaurus/theme-classic'],
  themeConfig: {
    navbar: {
      title: 'armgen',
      items: [{ type: 'docSidebar', sidebarId: 'resources', label: 'Resources', position: 'left' }],
    },
  },
};
