import { expect } from '@open-wc/testing';
import { parseMap } from './index.js';

// Proves the browser runner, esbuild and module resolution work end to end.
describe('egm-components in the browser', () => {
  it('rejects null with an EgmValidationError', () => {
    let caught: unknown;
    try {
      parseMap(null);
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(Error);
    expect((caught as Error).name).to.equal('EgmValidationError');
  });
});
