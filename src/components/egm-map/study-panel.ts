/**
 * The study panel's list: its count, its search, sort and group tools, and the pages of
 * `<egm-study-card>`s. `<egm-map>` draws the panel's frame (title, close button) itself and
 * imports this module when a panel first opens, or earlier in idle time. In the embed bundle
 * it is a chunk beside the entry, with the study card, so a page that shows the map does not
 * wait for code that only a reader who opens a cell runs.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { queryTerms } from '../../core/filter.js';
import type { DimensionIndex } from '../../core/map-index.js';
import type { EgmSchema, EgmStudy } from '../../core/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { EgmStrings } from '../../i18n/en.js';
import type { EgmLocale } from '../../i18n/registry.js';
import { heading } from '../../internal/heading.js';
import type { MapData } from '../../internal/map-data.js';
import '../egm-study-card/egm-study-card.js';

/** Study cards shown at once in the panel (in each group); "Show more" adds as many again. */
const PAGE = 50;

/** The study panel's orders: `title` and `author` are A to Z, their `-desc` forms Z to A. */
export type EgmStudySort = 'year-desc' | 'year-asc' | 'title' | 'title-desc' | 'author' | 'author-desc';

/** What the map's panel shows now, and the map's handlers for the list's controls. */
export interface StudyListView {
  data: MapData;
  schema: EgmSchema;
  /** The panel's studies (under the current filters), in no particular order. */
  studyIds: readonly string[];
  /** Whether the panel is a cell with no study at all (a gap, not a filtered-out cell). */
  gap: () => boolean;
  l10n: LocaleController;
  strings: EgmLocale | undefined;
  /** The heading level of the panel's title. */
  level: number;
  sort: EgmStudySort;
  /** The dimension whose top-level categories group the studies ("": no groups). */
  groupBy: string;
  query: string;
  /** Cards shown, by group id ("" when not grouped); `PAGE` when not set. */
  shown: ReadonlyMap<string, number>;
  /** While a newly opened panel draws its first cards only: the cards drawn per group. */
  firstCards: number;
  onSearch: (event: Event) => void;
  onSort: (event: Event) => void;
  onGroup: (event: Event) => void;
  /** "Show more" in group `id`: show `upTo` cards. */
  onMore: (id: string, upTo: number) => void;
}

/** One panel's list, with its sort and search remembered between renders. */
export class StudyList {
  private sortedCache?: { ids: readonly string[]; sort: EgmStudySort; data: MapData; upTo: number; studies: EgmStudy[] };
  private searchCache?: { list: EgmStudy[]; query: string; found: EgmStudy[] };
  /** The search box the reader last typed in. */
  private box?: HTMLInputElement;

  /** The list under the panel's title, and its count as shown (the map announces it). */
  render(v: StudyListView): { template: TemplateResult; count: string } {
    const { data, l10n } = v;
    const m = l10n.s.map;
    const total = v.studyIds.length;
    const groupDim = data.index.dimension(v.groupBy);
    const searching = queryTerms(v.query).length > 0;
    // Groups and search results reach deep into the order: sort it all, not just the first page.
    const upTo = (id: string) => v.shown.get(id) ?? PAGE;
    const drawn = (id: string) => (v.firstCards > 0 ? Math.min(v.firstCards, upTo(id)) : upTo(id));
    const sorted = this.sorted(data, v.studyIds, v.sort, groupDim || searching ? Infinity : upTo(''));
    const found = this.search(data, sorted, v.query);
    const groups = groupDim ? this.groups(data, found, groupDim, m.notCoded) : [{ id: '', label: '', studies: found }];
    const count =
      total === 0 ? (v.gap() ? m.gap : m.none) : searching ? l10n.t(m.found, { found: found.length, n: total }) : l10n.t(m.studies, { n: total });
    const level = Math.min(6, v.level + (groupDim ? 2 : 1));
    // "Show more": the last page takes its button away, and focus goes to the first card it added.
    const more = (event: Event, id: string, from: number) => {
      const button = event.currentTarget as HTMLElement;
      const list = button.previousElementSibling;
      v.onMore(id, from + PAGE);
      void ((button.getRootNode() as ShadowRoot).host as ReactiveElement | undefined)?.updateComplete.then(() => {
        if (!button.isConnected) list?.children[from]?.querySelector<HTMLElement>('egm-study-card')?.focus();
      });
    };
    // Tools while a search is on (a filter may have left one study, or none, that the search
    // hides), for two studies or more, and while the search box has focus (the reader just cleared it).
    const tools = searching || total > 1 || !!this.box?.matches(':focus');
    const template = html`<p class="panel-count">${count}</p>
      ${tools
        ? html`<div class="panel-tools">
            <label class="find">
              <span class="visually-hidden">${m.find}</span>
              <input type="search" placeholder=${m.find} autocomplete="off" .value=${live(v.query)} @input=${this.onInput(v)} />
            </label>
            <label class="sort">
              ${m.sortBy}
              <select @change=${v.onSort}>
                ${sorts(m).map(([value, text]) => html`<option value=${value} ?selected=${value === v.sort}>${text}</option>`)}
              </select>
            </label>
            <label class="sort">
              ${m.groupBy}
              <select @change=${v.onGroup}>
                <option value="" ?selected=${!groupDim}>${m.noGroups}</option>
                ${data.map.dimensions.map((d) => html`<option value=${d.id} ?selected=${d.id === groupDim?.dimension.id}>${d.label}</option>`)}
              </select>
            </label>
          </div>`
        : nothing}
      ${repeat(
        groups,
        (g) => g.id,
        (g, i) => {
          const page = g.studies.slice(0, upTo(g.id));
          const rest = g.studies.length - page.length;
          // The first cards of a new panel, the rest of the page a task later (the map's drawFirstCards).
          const visible = page.length > drawn(g.id) ? page.slice(0, drawn(g.id)) : page;
          if (!visible.length) return nothing;
          return html`${groupDim ? heading(v.level + 1)`<H class="group" id=${`group-${i}`}>${l10n.t(m.group, { label: g.label, n: g.studies.length })}</H>` : nothing}
            <ul class="studies">
              ${repeat(visible, (s) => s.id, (s) => html`<li><egm-study-card .schema=${v.schema} .study=${s} .strings=${v.strings} heading-level=${level}></egm-study-card></li>`)}
            </ul>
            ${rest > 0
              ? html`<button class="more" type="button" aria-describedby=${groupDim ? `group-${i}` : nothing} @click=${(e: Event) => more(e, g.id, page.length)}>
                  ${l10n.t(m.more, { n: Math.min(PAGE, rest), rest })}
                </button>`
              : nothing}`;
        },
      )}`;
    return { template, count };
  }

  /** The search box's handler: the map's, noting the box. */
  private onInput(v: StudyListView): (event: Event) => void {
    return (event) => {
      this.box = event.target as HTMLInputElement;
      v.onSearch(event);
    };
  }

  /**
   * The panel's studies in the chosen order, of which the first `upTo` are certain (the page
   * shown). Sorted again only when the list, the order or the page changes. By year, studies
   * are put in year order first and only the ties that reach into the page are ordered by
   * title: a cell of 2,000 studies then costs a numeric sort, not 20,000 text comparisons.
   */
  private sorted(data: MapData, ids: readonly string[], sort: EgmStudySort, upTo: number): EgmStudy[] {
    const cached = this.sortedCache;
    if (cached?.ids === ids && cached.sort === sort && cached.data === data && cached.upTo >= upTo) return cached.studies;
    const studies = ids.map((id) => data.index.studies[data.index.positions.get(id)!]).filter(Boolean);
    // One collator for the whole sort: `localeCompare` with no arguments compares the same way.
    const { compare } = new Intl.Collator();
    // By the text the cards show: trimmed, and the first author who has a name.
    const byTitle = (a: EgmStudy, b: EgmStudy) => compare(a.title.trim(), b.title.trim());
    if (sort === 'year-desc' || sort === 'year-asc') {
      // Studies without a year come last either way.
      const key = sort === 'year-desc' ? (s: EgmStudy) => -(s.year ?? -Infinity) : (s: EgmStudy) => s.year ?? Infinity;
      studies.sort((a, b) => (key(a) === key(b) ? 0 : key(a) - key(b)));
      for (let i = 0; i < studies.length && i < upTo; ) {
        let j = i + 1;
        while (j < studies.length && key(studies[j]) === key(studies[i])) j++;
        if (j - i > 1) studies.slice(i, j).sort(byTitle).forEach((s, k) => (studies[i + k] = s));
        i = j;
      }
    } else {
      // Either direction, studies without a first author come last, and ties go by title A to Z.
      const dir = sort.endsWith('-desc') ? -1 : 1;
      const key = sort.startsWith('title') ? (s: EgmStudy) => s.title.trim() : (s: EgmStudy) => s.authors?.find((a) => a.trim())?.trim() ?? '';
      studies.sort((a, b) => Number(!key(a)) - Number(!key(b)) || dir * compare(key(a), key(b)) || byTitle(a, b));
    }
    this.sortedCache = { ids, sort, data, upTo: sort.startsWith('year') ? upTo : Infinity, studies };
    return studies;
  }

  /** The studies of `list` (kept in order) in which every word of `query` occurs, as core's query matches. */
  private search(data: MapData, list: EgmStudy[], query: string): EgmStudy[] {
    const terms = queryTerms(query);
    if (!terms.length) return list;
    const cached = this.searchCache;
    if (cached?.list === list && cached.query === query) return cached.found;
    const texts = data.index.searchText();
    const found = list.filter((s) => {
      const text = texts[data.index.positions.get(s.id)!];
      return terms.every((t) => text.includes(t));
    });
    this.searchCache = { list, query, found };
    return found;
  }

  /**
   * `list` split by the top-level categories of `dim` (a category counts towards its top-level
   * ancestor), in category order, then "Not coded"; empty groups are left out.
   */
  private groups(data: MapData, list: EgmStudy[], dim: DimensionIndex, notCoded: string): { id: string; label: string; studies: EgmStudy[] }[] {
    const at = (s: EgmStudy) => data.index.positions.get(s.id)!;
    const groups = (dim.root.children ?? []).map((node) => {
      const members = dim.members[dim.ordinals.get(node.data.id)!];
      return { id: node.data.id, label: node.data.label, studies: list.filter((s) => members.has(at(s))) };
    });
    // "" cannot be a category id, so the "Not coded" group's key never clashes.
    groups.push({ id: '', label: notCoded, studies: list.filter((s) => !dim.coded.has(at(s))) });
    return groups.filter((g) => g.studies.length);
  }
}

/** The panel's orders and their names, in menu order. */
function sorts(m: EgmStrings['map']): [EgmStudySort, string][] {
  return [
    ['year-desc', m.sortYearDesc],
    ['year-asc', m.sortYearAsc],
    ['title', m.sortTitle],
    ['title-desc', m.sortTitleDesc],
    ['author', m.sortAuthor],
    ['author-desc', m.sortAuthorDesc],
  ];
}
