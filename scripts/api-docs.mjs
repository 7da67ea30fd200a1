// Writes docs/api.md from custom-elements.json (run `npm run analyze` first): the API reference
// is generated from the elements' JSDoc, never written by hand (STYLE §11).
//   node scripts/api-docs.mjs           write docs/api.md
//   node scripts/api-docs.mjs --check   exit 1 if docs/api.md is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
export const API_MD = fileURLToPath(new URL('docs/api.md', root));

/** Table cell text: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, '')}\`` : '');

function table(head, rows) {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

/** The public, non-static fields and methods an element documents. */
const isPublic = (m) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_') && !m.name.startsWith('#');

function element(d, path) {
  const attributes = new Map((d.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m) && !m.readonly);
  const readonly = (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m) && m.readonly);
  const methods = (d.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));
  return [
    `## \`<${d.tagName}>\``,
    '',
    ...(d.summary ? [`**${cell(d.summary)}**`, ''] : []),
    ...(d.description ? [d.description.trim(), ''] : []),
    `Class \`${d.name}\`, defined in \`${path}\`.`,
    '',
    ...(fields.length ? ['### Properties and attributes', ''] : []),
    ...table(
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((m) => [code(m.name), attributes.has(m.name) ? code(attributes.get(m.name)) : '–', code(m.type?.text), code(m.default), cell(m.description)]),
    ),
    ...(readonly.length ? ['### Read-only properties', ''] : []),
    ...table(['property', 'type', 'description'], readonly.map((m) => [code(m.name), code(m.type?.text), cell(m.description)])),
    ...(methods.length ? ['### Methods', ''] : []),
    ...table(
      ['method', 'description'],
      methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})${m.return?.type ? `: ${m.return.type.text}` : ''}`), cell(m.description)]),
    ),
    ...(d.events?.length ? ['### Events', ''] : []),
    ...table(['event', 'description'], (d.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    ...(d.slots?.length ? ['### Slots', ''] : []),
    ...table(['slot', 'description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    ...(d.cssParts?.length ? ['### CSS parts', ''] : []),
    ...table(['part', 'description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    ...(d.cssProperties?.length ? ['### CSS custom properties', ''] : []),
    ...table(['property', 'description'], (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
  ];
}

/** docs/api.md as it should be for this manifest. */
export function apiMarkdown(manifest) {
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ d, path: m.path })))
    .sort((a, b) => a.d.tagName.localeCompare(b.d.tagName));
  return [
    '# API reference',
    '',
    '<!-- Generated from custom-elements.json by scripts/api-docs.mjs (npm run docs:api): do not edit by hand. -->',
    '',
    'Every element of `egm-components`: properties (set from script; the data properties have no',
    'attribute), attributes, events, slots, CSS parts and custom properties. Events are described',
    'in [Composing the elements](composing.md); the map format in [format.md](format.md).',
    '',
    ...elements.map(({ d }) => `- [\`<${d.tagName}>\`](#${d.tagName}) ${cell(d.summary)}`),
    '',
    ...elements.flatMap(({ d, path }) => element(d, path)),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const text = apiMarkdown(manifest);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(API_MD, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error('docs/api.md is out of date with custom-elements.json: run "npm run docs:api"');
      process.exit(1);
    }
  } else {
    writeFileSync(API_MD, text);
    console.log('wrote docs/api.md');
  }
}
