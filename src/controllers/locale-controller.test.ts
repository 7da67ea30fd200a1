import { expect } from '@open-wc/testing';
import { formatNumber } from '../core/i18n.js';
import './locale-controller.js';

// A page of its own (web-test-runner runs each file in one): nothing here has formatted a
// number before the test.
describe('LocaleController module', () => {
  it('makes the page’s first number format once the page is idle, before any element renders', async () => {
    // The module's idle callback was asked for first, so it has run when this one runs.
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
    const Original = Intl.NumberFormat;
    const made: unknown[] = [];
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      made.push(args[0]);
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = Counting;
    try {
      expect(formatNumber('en', 12345)).to.equal('12,345');
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(made).to.deep.equal([], 'the format for English was made in idle time, not now');
  });
});
