// The `egm` command line, as a user runs it: the built dist/cli.js in a child process
// (`npm run test:node`, after `npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { mapStats, parseMap } from '../../dist/core.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.js');
const demo = join(root, 'demo/peer-support.egm.json');
const eppi = join(root, 'src/core/import/fixtures/retraction-lit-trimmed.json');
const mapperPage = join(root, 'src/core/import/fixtures/eppi-mapper-newer.html');
const dir = mkdtempSync(join(tmpdir(), 'egm-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `egm …` and returns its exit code and output. */
function egm(...args) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trimEnd(), err: r.stderr.trimEnd() };
}
const write = (name, value) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('egm validate', () => {
  it('accepts a valid map', () => {
    assert.deepEqual(egm('validate', demo), {
      code: 0,
      out: `${demo}: a valid egm/1 map, "Peer support in health and social care (illustrative)": 91 studies, 13 rows × 7 columns`,
      err: '',
    });
  });

  it('reads a map saved as UTF-16 (Notepad, PowerShell 5): validate, stats and diff alike', () => {
    const text = readFileSync(demo, 'utf8');
    const le = join(dir, 'utf16le.egm.json');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = egm('validate', le);
    assert.deepEqual([r.code, r.err], [0, '']);
    assert.equal(r.out, `${le}: a valid egm/1 map, "Peer support in health and social care (illustrative)": 91 studies, 13 rows × 7 columns`);
    assert.equal(egm('stats', le).out, egm('stats', demo).out);
    assert.deepEqual(egm('diff', demo, le), { code: 0, out: ['added    0', 'removed  0', 'recoded  0', 'edited   0'].join('\n'), err: '' });
  });

  it('lists every problem with its path and exits 1', () => {
    const map = JSON.parse(readFileSync(demo, 'utf8'));
    map.studies[3].codes.outcome = ['mental'];
    map.links = [{ label: 'x', url: 'javascript:alert(1)' }];
    const file = write('broken.json', map);
    const r = egm('validate', file);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.deepEqual(r.err.split('\n'), [
      `${file}: not a valid egm/1 map (2 problems):`,
      '  links[0].url: must be an http:// or https:// address, but is the text "javascript:alert(1)"',
      '  studies[3].codes.outcome[0]: unknown category "mental" in dimension "outcome" (did you mean "mental-health"?)',
    ]);
  });

  it('says clearly when the input cannot be read (exit 2)', () => {
    assert.deepEqual(egm('validate', 'missing.json'), { code: 2, out: '', err: 'egm validate: cannot read missing.json: no such file' });
    const r = egm('validate', write('page.json', '<!doctype html>'));
    assert.equal(r.code, 2);
    assert.match(r.err, /^egm validate: .*page\.json is not JSON: Unexpected token .*\(it starts with "<": a web page or XML, not JSON; "egm convert" reads EPPI-Mapper pages\)$/);
    // Where a broken file breaks, as an editor counts: line 4, column 1 (the comma before "}").
    const broken = egm('validate', write('broken.json', '{\n  "format": "egm/1",\n  "title": "x",\n}\n'));
    assert.equal(broken.code, 2);
    assert.match(broken.err, /^egm validate: .*broken\.json is not JSON: .*line 4,? column 1\)$/);
    const blank = write('blank.json', ' \n');
    assert.deepEqual(egm('validate', blank), { code: 2, out: '', err: `egm validate: ${blank} is empty` });
    assert.equal(egm('validate').code, 2);
    assert.equal(egm('frobnicate').code, 2);
  });
});

describe('egm: unknown commands', () => {
  for (const command of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`"egm ${command}" (a member of Object.prototype) is an unknown command: exit 2 and the help, no stack`, () => {
      const r = egm(command, demo);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '');
      assert.ok(r.err.startsWith(`egm: unknown command "${command}"\n\negm: evidence and gap maps from the command line`), r.err);
    });
  }
});

describe('egm: control characters in a map', () => {
  it('validate, stats and diff write them escaped, never as escape sequences for the terminal', () => {
    const map = JSON.parse(readFileSync(demo, 'utf8'));
    map.title = 'Map \u001b]0;owned\u0007\u001b[2J\u001b[31mred\rover \u009b1m';
    map.dimensions[0].categories[0].label = '\u001b[5mEducation';
    const file = write('controls.egm.json', map);
    const next = structuredClone(map);
    next.studies.push({ ...next.studies[0], id: 'new\u001b[8m' });
    const newer = write('controls-next.egm.json', next);
    const runs = [egm('validate', file), egm('stats', file, '--top', '100'), egm('diff', file, newer)];
    for (const r of runs) {
      assert.equal(r.code, 0, r.err);
      // eslint-disable-next-line no-control-regex -- what a terminal acts on
      assert.doesNotMatch(r.out + r.err, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/, 'no control character but line feeds');
    }
    assert.equal(runs[0].out, `${file}: a valid egm/1 map, "Map \\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mred\\u000dover \\u009b1m": 91 studies, 13 rows × 7 columns`);
    assert.equal(runs[1].out.split('\n')[0], 'Map \\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mred\\u000dover \\u009b1m');
    assert.match(runs[1].out, /^ +\d+ {2}\\u001b\[5mEducation × /m);
    assert.equal(runs[2].out.split('\n')[0], 'added    1: new\\u001b[8m');
    // JSON output stays JSON, with the same text.
    assert.equal(JSON.parse(egm('stats', file, '--json').out).title, map.title);
    assert.equal(JSON.parse(egm('convert', '--from', 'egm', file).out).title, map.title);
  });
});

describe('egm --help', () => {
  for (const command of ['validate', 'convert', 'stats', 'diff']) {
    it(`egm ${command} --help`, () => {
      const r = egm(command, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`^Usage: egm ${command}`));
    });
  }
  it('egm --help lists the commands', () => {
    const r = egm('--help');
    assert.equal(r.code, 0);
    for (const c of ['validate', 'convert', 'stats', 'diff']) assert.match(r.out, new RegExp(`\\n  ${c} `));
  });
});

describe('egm convert', () => {
  it('converts the real EPPI-Reviewer export into a map that egm validate accepts, and saves the config', () => {
    const out = join(dir, 'retraction.egm.json');
    const config = join(dir, 'retraction.convert.json');
    const r = egm('convert', '--from', 'eppi-reviewer', eppi, '--rows', 'Citation of retracted papers', '--columns', 'Processes and policies', '--title', 'Retraction research', '-o', out, '--save-config', config);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^warning: /m);
    assert.match(r.err, /wrote .*retraction\.egm\.json: 150 studies/);
    assert.equal(egm('validate', out).code, 0);
    assert.equal(parseMap(JSON.parse(readFileSync(out, 'utf8'))).title, 'Retraction research');
    // Next month: the same conversion from the saved config alone gives the same map.
    const again = join(dir, 'again.egm.json');
    assert.equal(egm('convert', '--config', config, eppi, '-o', again).code, 0);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(out, 'utf8'));
    assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {
      format: 'egm-convert/1',
      from: 'eppi-reviewer',
      rows: 'Citation of retracted papers',
      columns: 'Processes and policies',
      map: { title: 'Retraction research' },
    });
  });

  it('converts an export saved as UTF-16 to the same map as the UTF-8 one', () => {
    const le = join(dir, 'export-utf16.json');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(eppi, 'utf8'), 'utf16le')]));
    const args = ['--from', 'eppi-reviewer', '--rows', 'Citation of retracted papers', '--columns', 'Processes and policies'];
    const r = egm('convert', ...args, le);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, egm('convert', ...args, eppi).out);
  });

  it('reads a conversion config saved as Windows-1252 (Notepad\'s "ANSI") as the workbench does: accents kept', () => {
    const config = join(dir, 'latin1.convert.json');
    writeFileSync(config, Buffer.from('{"from":"egm","map":{"title":"Santé mentale"},"labels":{"outcome":"Résultats"}}', 'latin1'));
    const r = egm('convert', '--config', config, demo);
    assert.equal(r.code, 0, r.err);
    const map = JSON.parse(r.out);
    assert.equal(map.title, 'Santé mentale');
    assert.equal(map.dimensions.find((d) => d.id === 'outcome').label, 'Résultats');
  });

  it('refuses --rows, --columns, --segments and --filters for an input they do not apply to, rather than ignoring them', () => {
    const r = egm('convert', '--from', 'egm', demo, '--rows', 'outcome', '--columns', 'support');
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /^egm convert: --rows, --columns choose codes of an EPPI-Reviewer export \(--from eppi-reviewer\): an egm\/1 map keeps its own\n/);
    const page = egm('convert', '--from', 'eppi-mapper', mapperPage, '--segments', 'Quality');
    assert.equal(page.code, 2, page.err);
    assert.match(page.err, /^egm convert: --segments chooses a code of an EPPI-Reviewer export \(--from eppi-reviewer\): an EPPI-Mapper page keeps its own\n/);
  });

  it('converts an EPPI-Mapper page to standard output', () => {
    const r = egm('convert', '--from', 'eppi-mapper', mapperPage);
    assert.equal(r.code, 0, r.err);
    assert.equal(parseMap(JSON.parse(r.out)).format, 'egm/1');
  });

  it('explains a missing --from and an unknown code', () => {
    const r = egm('convert', eppi);
    assert.equal(r.code, 2);
    assert.match(r.err, /say what the input is with --from/);
    const bad = egm('convert', '--from', 'eppi-reviewer', eppi, '--rows', 'No such code', '--columns', 'Processes and policies');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /No such code/);
    // A broken input says so, and where: not a bare JSON.parse message.
    const broken = egm('convert', '--from', 'egm', write('broken-map.json', '{\n  "format": "egm/1",\n}\n'));
    assert.equal(broken.code, 1);
    assert.match(broken.err, /^egm convert: Invalid map: 1 problem\n- the map is not valid JSON: .*line 3,? column 1\)$/);
  });
});

describe('egm stats', () => {
  it('prints what core counts', () => {
    const expected = mapStats(parseMap(JSON.parse(readFileSync(demo, 'utf8'))));
    const r = egm('stats', demo, '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), expected);
    const text = egm('stats', demo).out.split('\n');
    assert.equal(text[1], `  studies        ${expected.studies}`);
    assert.equal(text[4], `  cells          ${expected.cells}, of which ${expected.gaps} gaps (${Math.round((100 * expected.gaps) / expected.cells)}%)`);
    assert.equal(text[7], `    ${String(expected.largest[0].count).padStart(5)}  ${expected.largest[0].rowLabel} × ${expected.largest[0].columnLabel}`);
  });
});

describe('egm stats: --top', () => {
  it('takes a whole number, and refuses an empty or non-decimal value rather than reading it as a number', () => {
    assert.equal(egm('stats', demo, '--top', '2').out.split('\n').filter((l) => / × /.test(l)).length, 2);
    for (const top of ['', ' ', '0x2', '1e1', '2.5', '-1']) {
      const r = egm('stats', demo, `--top=${top}`);
      assert.equal(r.code, 2, `--top=${JSON.stringify(top)}: ${r.out}`);
      assert.match(r.err, /^egm stats: --top takes a whole number\n/);
    }
  });
});

describe('egm stats: synthesis gaps', () => {
  it('lists cells with at least N primary studies and no review (N = 5 by default)', () => {
    const map = parseMap(JSON.parse(readFileSync(demo, 'utf8')));
    const expected = mapStats(map, { synthesisGapMin: 3 });
    assert.deepEqual(
      expected.synthesisGaps.cells.map((c) => [c.rowId, c.columnId, c.primary]),
      [
        ['education', 'cost-effectiveness', 4],
        ['emotional-support', 'cost-effectiveness', 4],
        ['self-management', 'cost-effectiveness', 4],
        ['in-person', 'cost-effectiveness', 3],
        ['remote', 'cost-effectiveness', 3],
        ['peer-led', 'cost-effectiveness', 4],
        ['over-6-months', 'wellbeing', 4],
        ['over-6-months', 'cost-effectiveness', 3],
      ],
    );
    const r = egm('stats', demo, '--synthesis-gap-min', '3');
    assert.equal(r.code, 0, r.err);
    const text = r.out.split('\n');
    const at = text.indexOf('  synthesis gaps 8 cells with at least 3 primary studies and no review');
    assert.ok(at > 0, r.out);
    assert.deepEqual(text.slice(at + 1), expected.synthesisGaps.cells.map((c) => `    ${String(c.primary).padStart(5)}  ${c.rowLabel} × ${c.columnLabel}`));
    assert.deepEqual(JSON.parse(egm('stats', demo, '--json', '--synthesis-gap-min', '3').out).synthesisGaps, expected.synthesisGaps);
    assert.equal(egm('stats', demo).out.split('\n').at(-1), '  synthesis gaps 0 cells with at least 5 primary studies and no review');
  });

  it('says nothing of synthesis gaps without layout.reviews, and refuses a bad minimum', () => {
    const map = JSON.parse(readFileSync(demo, 'utf8'));
    delete map.layout.reviews;
    const r = egm('stats', write('no-reviews.json', map), '--synthesis-gap-min', '1');
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /synthesis/);
    const bad = egm('stats', demo, '--synthesis-gap-min', '0');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--synthesis-gap-min takes a whole number of at least 1/);
  });
});

describe('egm diff', () => {
  it('lists added, removed, recoded and edited studies', () => {
    const map = JSON.parse(readFileSync(demo, 'utf8'));
    const next = structuredClone(map);
    next.studies.splice(0, 1); // remove s001
    next.studies[0].codes.outcome = [...next.studies[0].codes.outcome, 'cost-effectiveness'];
    next.studies[1].year = 1999;
    next.studies.push({ ...next.studies[2], id: 'new-1' });
    const r = egm('diff', demo, write('next.json', next));
    const s2 = next.studies[0].id;
    const s3 = next.studies[1].id;
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.split('\n'), ['added    1: new-1', 'removed  1: s001', 'recoded  1', `  ${s2}: outcome +cost-effectiveness`, 'edited   1', `  ${s3}: year`]);
  });

  it('lists the problems of both files when both are invalid, and exits 1', () => {
    const map = JSON.parse(readFileSync(demo, 'utf8'));
    const old = structuredClone(map);
    old.studies[0].codes.outcome = ['mental'];
    const next = structuredClone(map);
    next.links = [{ label: 'x', url: 'javascript:alert(1)' }];
    const a = write('diff-old-broken.json', old);
    const b = write('diff-new-broken.json', next);
    const r = egm('diff', a, b);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.out, '');
    assert.deepEqual(r.err.split('\n'), [
      `${a}: not a valid egm/1 map (1 problem):`,
      '  studies[0].codes.outcome[0]: unknown category "mental" in dimension "outcome" (did you mean "mental-health"?)',
      `${b}: not a valid egm/1 map (1 problem):`,
      '  links[0].url: must be an http:// or https:// address, but is the text "javascript:alert(1)"',
    ]);
  });
});
