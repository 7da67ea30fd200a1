// The page's accessibility tree as Chromium gives it to screen readers, for browser tests that
// check what is announced (accessible names and descriptions), not just the attributes behind
// it. A command for @web/test-runner: `await executeServerCommand('ax-tree')` in a test returns
// every node that is not ignored, in tree order, as { role, name, description }.
// Chromium only: the tree comes from the DevTools protocol (Accessibility.getFullAXTree).

/** The nodes that reach assistive technology, in tree order, as plain data. */
export function compactAxTree(nodes) {
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' }));
}

export const axTreePlugin = () => ({
  name: 'ax-tree',
  async executeCommand({ command, session }) {
    if (command !== 'ax-tree') return undefined;
    if (session.browser.type !== 'playwright') throw new Error('ax-tree needs the Playwright launcher (Chromium)');
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Accessibility.enable');
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return compactAxTree(nodes);
    } finally {
      await cdp.detach();
    }
  },
});
