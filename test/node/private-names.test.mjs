// The private member names the minified bundles shorten (scripts/private-names.mjs): a name is
// shortened only when nothing else can reach a property by it. Each case is a small source tree
// and exactly the names that come out. No build needed (`npm run test:node`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { privateNames } from '../../scripts/private-names.mjs';

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** privateNames over a source tree of `files` (path → text), with no inlined packages. */
function names(files, packages = []) {
  const dir = mkdtempSync(join(tmpdir(), 'private-names-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return privateNames(dir, packages);
}

describe('privateNames', () => {
  it('takes private fields, methods, accessors and constructor parameters', () => {
    assert.deepEqual(
      names({
        'a.ts': `class A {
          private countCache = 0;
          private readonly onTick = () => {};
          private drawRows(): void {}
          private get isWide(): boolean { return true; }
          constructor(private readonly hostEl: unknown, readonly shown: number) {}
          publicName = 1;
          protected guarded(): void {}
          #native = 1;
        }`,
      }),
      ['countCache', 'drawRows', 'hostEl', 'isWide', 'onTick'],
    );
  });

  it('keeps a private name that is a public or protected member, an interface member or a key elsewhere', () => {
    assert.deepEqual(
      names({
        'a.ts': `class A { private rows = 1; private columns = 2; private cells = 3; private depth = 4; private spare = 5; private bound = 6; }`,
        'b.ts': `export class B { rows = 1; protected columns(): void {} }
          interface C { cells: number }
          const d = { depth: 1 };
          const { bound } = d as { bound: number };`,
      }),
      ['spare'],
    );
  });

  it('keeps a name found in a string or a plain template, or bound as a property in markup', () => {
    assert.deepEqual(
      names({
        'a.ts': `class A {
          private open = false; private label = ''; private items = []; private cellSize = 0; private rowTone = 1; private gutterWide = 2;
          willUpdate(changed: Map<string, unknown>) { changed.has('open'); }
          render() { return html\`<x-list .items=\${this.items} class="cellSize rowTone">\${\`\${this.label} label\`}</x-list>\`; }
          static styles = css\`.gutterWide { width: 1px; }\`;
        }`,
      }),
      // cellSize and rowTone are only words of markup, gutterWide of CSS: none reaches a property.
      ['cellSize', 'gutterWide', 'rowTone'],
    );
  });

  it("keeps the names of the DOM and the built-ins, and the words of inlined packages' code", () => {
    assert.deepEqual(
      names(
        { 'a.ts': 'class A { private disconnect(): void {} private scrollTop = 0; private _$litPart$ = 1; private litPart = 2; private mine = 3; }' },
        ['lit-html'],
      ),
      // disconnect: MutationObserver's; scrollTop: Element's; _$litPart$: a word of lit-html's code.
      ['litPart', 'mine'],
    );
  });

  it('skips tests, stories and declaration files', () => {
    assert.deepEqual(
      names({
        'a.ts': `class A { private keptOne = 1; private keptTwo = 2; }`,
        'a.test.ts': `const x = { keptOne: 1 };`,
        'a.stories.ts': `const y = 'keptTwo';`,
        'x.d.ts': `interface Z { keptOne: number }`,
      }),
      ['keptOne', 'keptTwo'],
    );
  });
});
