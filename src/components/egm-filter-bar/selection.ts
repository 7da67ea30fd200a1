/**
 * The pure parts of `<egm-filter-bar>`: what a checkbox in a category tree shows and what
 * toggling it selects, and where the arrow keys move focus in the toolbar. DOM-free, so they
 * could move to `src/core` (tree selection) and `src/controllers` (roving focus) as is.
 */
import type { CategoryNode, DimensionIndex } from '../../core/map-index.js';

/** What an option's checkbox shows. `implied`: checked because an ancestor group is selected. */
export type OptionState = 'checked' | 'implied' | 'mixed' | 'unchecked';

/** The state of category `id` given the ids selected in its dimension. */
export function optionState(dim: DimensionIndex, selected: readonly string[], id: string): OptionState {
  if (selected.includes(id)) return 'checked';
  const node = dim.nodes.get(id);
  if (!node) return 'unchecked';
  for (let p = node.parent; p && p.depth > 0; p = p.parent) if (selected.includes(p.data.id)) return 'implied';
  if (node.children && node.descendants().some((d) => d !== node && selected.includes(d.data.id))) return 'mixed';
  return 'unchecked';
}

/**
 * The selection after the user sets category `id` to `checked` (spec §3: a selected group
 * includes its descendants).
 *
 * - Checking a group replaces any of its descendants already selected (the group covers them).
 * - Unchecking a category that is only implied by a selected ancestor group replaces that group
 *   with its other children, so "Adults" minus "Older adults" becomes "Working age".
 *   Checking all of a group's children never turns into the group itself: the group also
 *   covers studies coded to it alone, which its children do not.
 *
 * Known ids come out in tree order (so the same choice always gives the same filter); ids the
 * dimension does not know (from a host's `.filters`) are kept, after them.
 */
export function toggleCategory(dim: DimensionIndex, selected: readonly string[], id: string, checked: boolean): string[] {
  const node = dim.nodes.get(id);
  let out = [...selected];
  if (!node) {
    out = out.filter((x) => x !== id);
    if (checked) out.push(id);
    return out;
  }
  if (checked) {
    const state = optionState(dim, out, id);
    if (state === 'checked' || state === 'implied') return inTreeOrder(dim, out);
    const below = new Set(node.descendants().map((d) => d.data.id));
    out = out.filter((x) => !below.has(x));
    out.push(id);
    return inTreeOrder(dim, out);
  }
  out = out.filter((x) => x !== id);
  // Outermost selected ancestor first: each one gives way to its children but the path to `node`.
  for (const anc of node.ancestors().reverse()) {
    if (anc === node || anc.depth === 0 || !out.includes(anc.data.id)) continue;
    out = out.filter((x) => x !== anc.data.id);
    for (const other of allBut(anc, node)) if (!out.includes(other)) out.push(other);
  }
  return inTreeOrder(dim, out);
}

/** The ids covering `group` except `target`: its children, descending only along the path to `target`. */
function allBut(group: CategoryNode, target: CategoryNode): string[] {
  const path = new Set(target.ancestors());
  const out: string[] = [];
  for (const child of group.children ?? []) {
    if (child === target) continue;
    if (path.has(child)) out.push(...allBut(child, target));
    else out.push(child.data.id);
  }
  return out;
}

function inTreeOrder(dim: DimensionIndex, ids: readonly string[]): string[] {
  const known = ids.filter((x) => dim.ordinals.has(x)).sort((a, b) => dim.ordinals.get(a)! - dim.ordinals.get(b)!);
  return [...known, ...ids.filter((x) => !dim.ordinals.has(x))];
}

/**
 * Roving focus in a toolbar (WAI-ARIA APG): the index that `key` moves focus to from `index`
 * among `count` controls, wrapping at both ends, or undefined when the key does not move focus.
 */
export function rovingTarget(key: string, index: number, count: number, rtl = false): number | undefined {
  if (count <= 0) return undefined;
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return (index + 1) % count;
    case back:
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
