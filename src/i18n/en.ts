/**
 * Every string the elements show or announce, in English: the default, and the shape every
 * translation follows (src/i18n/fr.ts). `{name}` is a placeholder; an object with `one` /
 * `other` (and `zero`, `two`, `few`, `many` where a language has them) is a plural chosen by
 * `{n}`. Numbers are formatted for the language; keep the placeholders when translating.
 */
import type { Plural } from '../core/i18n.js';

export const en = {
  card: {
    /** The card's study has no usable id or title. */
    invalid: 'This study cannot be shown: {problem}.',
    /** {what}: null, a list, a string… (in English: it is a developer's mistake). */
    notStudy: 'it is {what}, not a study',
    noId: 'it has no id',
    noTitle: 'it has no title',
    categories: 'Categories',
    showMore: 'Show more',
    showLess: 'Show less',
    /** Visually hidden, after "Show more"/"Show less". */
    ofAbstract: ' of the abstract',
    etAl: ' et al.',
    moreAuthors: '+{n} more',
    /** Visually hidden, after moreAuthors. */
    moreAuthorsHidden: ' authors',
    fewerAuthors: 'fewer',
    /** Visually hidden, after fewerAuthors. */
    fewerAuthorsHidden: ' authors',
    read: 'Read the study ({host})',
    /** Visually hidden, after the link. */
    newTab: ', opens in a new tab',
    notCoded: 'Not coded',
  },
  print: {
    /** The caption of each printed chunk of columns of a wide map. */
    chunk: '{dimension}: columns {from}–{to} of {of}',
    gap: '–',
    ofTotal: '{n} of {total}',
  },
  /** `<egm-grid>`: the names of cells and headers, the table view, notes and error headings. */
  grid: {
    /** The grid's accessible name when it has no `label`: the map's title and its two axes. */
    label: '{title}: {rows} by {columns}',
    /** The corner: the column dimension (across) and the row dimension (down). */
    cornerColumns: '{label} →',
    /** The same, right to left (`dir="rtl"`): the columns run leftwards. */
    cornerColumnsRtl: '{label} ←',
    cornerRows: '{label} ↓',
    /** A header's count: the number shows, the words around it are visually hidden. */
    headCount: { one: '({n} study)', other: '({n} studies)' },
    /** A group header's button: the studies coded to the group itself, not to a child. */
    directOnly: '+{n} {label} only',
    /** The same button's accessible name. */
    directOnlyName: { one: '+{n} {label} only: {n} study coded to the group alone', other: '+{n} {label} only: {n} studies coded to the group alone' },
    /** A cell's accessible name: "Education, Mental health: 3 studies"; {amount} is one of the four below. */
    cell: '{row}, {column}: {amount}',
    studies: { one: '{n} study', other: '{n} studies' },
    /** A cell under filters: {count} of its {n} studies pass them. */
    ofTotal: { one: '{count} of {n} study', other: '{count} of {n} studies' },
    gap: 'no studies (a gap)',
    /** A cell whose studies the filters all leave out. */
    filteredOut: 'no studies under the current filters ({total} in all)',
    /** Adds the segment counts, then the synthesis gap, to a cell's name: "…: 3 studies; High 2, Low 1". */
    cellMore: '{name}; {more}',
    /** One segment of a cell (its name, and the table view): "High 2". */
    segment: '{label} {n}',
    segmentSeparator: ', ',
    /** The segment of the studies with no code in the segment dimension (grid and legend). */
    notCoded: 'Not coded',
    /** Added to a synthesis-gap cell's name. */
    synthesisGap: { one: 'synthesis gap: {n} primary study, no review', other: 'synthesis gap: {n} primary studies, no review' },
    /** The marker of a synthesis gap (grid and legend; its meaning is in the cell's name and the legend). */
    synthesisMark: '◇',
    /** Table view: what a cell says under its count. */
    tableGap: 'gap',
    tableOf: 'of {total}',
    tableSynthesisGap: 'synthesis gap',
    /** Mosaic: the studies a full cell has no tile for. */
    more: '+{n}',
    empty: 'This map has no studies yet: every cell is a gap.',
    /** Heading over the problems of an invalid map (the problems themselves stay English). */
    invalid: 'This map could not be shown',
    /** Heading over the problems of the `rows`, `columns` or `segments` attributes. */
    badSettings: 'This grid’s settings do not fit its map',
  },
  /** `<egm-legend>`. */
  legend: {
    /** The legend's accessible name. */
    label: 'Legend',
    /** A segment's count (the number shows, the words are visually hidden) and a size-key bubble. */
    studies: { one: '{n} study', other: '{n} studies' },
    /** Before the size key and the shade key. */
    perCell: 'Studies per cell:',
    /** A shade's range of counts. */
    range: '{from}–{to}',
    tile: 'One tile per study',
    /** Mosaic: {n} is the number of tiles a full cell draws. */
    more: '+N: studies beyond the {n} tiles of a full cell',
    gap: 'Gap: no studies',
    filteredOut: 'No studies under the current filters',
    synthesisGap: { one: 'Synthesis gap: at least {n} primary study, no review', other: 'Synthesis gap: at least {n} primary studies, no review' },
    /** Heading over the problems of an invalid map or attribute. */
    invalid: 'The legend cannot be shown',
  },
  /** The error state of every element: a heading, then the problems (which stay English). */
  issues: {
    /** {heading}: the element's own heading, e.g. "This map could not be shown". */
    heading: { one: '{heading} ({n} problem)', other: '{heading} ({n} problems)' },
    /** The last line when more problems than are listed. */
    more: '… and {n} more',
  },
  /** `<egm-map>`: loading and error states, the header, the study panel, downloads, announcements. */
  map: {
    loading: 'Loading the map…',
    /** Once the file is in and being checked and indexed (a large map takes seconds). */
    preparing: 'Loading the map… preparing it',
    /** The progress bar's label while preparing. */
    preparingLabel: 'Preparing the map',
    retry: 'Try again',
    /** Heading over the list of a map's problems (the problems themselves stay English). */
    invalid: 'This map could not be shown',
    /** {status}: "404 Not Found". */
    httpError: 'The map file could not be loaded: the server answered {status} for {url}.',
    empty: 'The map file at {url} is empty.',
    notJson: 'The map file at {url} is not JSON.',
    notJsonPage: 'The map file at {url} is not JSON (the server sent a web page; is the address right?).',
    /** {format}: egm/1; {found}: the file's own format, as JSON ("eppi/1"). */
    wrongFormat: 'The file at {url} is not an {format} map (its format is {found}). Convert other formats with the importers first.',
    notValid: 'The map file at {url} is not a valid {format} map.',
    /** The one problem listed when a file holds no map at all. */
    noMap: 'the file holds no map',
    timeout: 'Loading the map from {url} took longer than {seconds} seconds.',
    /** {error}: the browser's own message. */
    fetchFailed: 'The map file could not be loaded from {url} ({error}).',
    fullscreen: 'Full screen',
    aboutMap: 'About this map',
    version: 'Version',
    searched: 'Searched',
    licence: 'Licence',
    citeAs: 'Cite as',
    /** The group of download buttons (aria-label). */
    actions: 'Download and share',
    download: 'Download:',
    studiesCsv: 'Studies (CSV)',
    studiesRis: 'Studies (RIS)',
    mapSvg: 'Map (SVG)',
    mapPng: 'Map (PNG)',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    /** Announced when the clipboard cannot be written. */
    copyThisLink: 'Copy this link: {url}',
    /** Announced after a download; {format}: CSV or RIS. */
    downloaded: { one: 'Downloaded {n} study as {format}', other: 'Downloaded {n} studies as {format}' },
    /** Said when the download code (a file beside the embed bundle) could not be loaded. */
    downloadFailed: 'The download could not be prepared: part of the map’s code could not be loaded. Try again, or ask the site’s editors.',
    /** Announced after filtering: {shown} of the map's {n} studies pass. */
    filtered: { one: 'Showing {shown} of {n} study', other: 'Showing {shown} of {n} studies' },
    /** Announced when the panel opens: its title and count. */
    opened: { one: '{title}: {n} study', other: '{title}: {n} studies' },
    openedNone: '{title}: no studies',
    /** The panel's title for a cell. */
    cellTitle: '{row} × {column}',
    /** The panel's title for a group header's studies coded to the group itself. */
    directOnly: '{label} (coded to the group alone)',
    close: 'Close the study list',
    /** The panel's list while its code loads (a chunk beside the embed bundle; usually there already). */
    panelLoading: 'Loading the studies…',
    /** When the panel's code could not be loaded; a "Try again" button follows. */
    panelFailed: 'The studies could not be shown: part of the map’s code could not be loaded. Try again, or ask the site’s editors.',
    studies: { one: '{n} study', other: '{n} studies' },
    /** The panel's count while its search box holds text: "12 of 40 studies". */
    found: { one: '{found} of {n} study', other: '{found} of {n} studies' },
    gap: 'No studies: this is a gap in the evidence.',
    none: 'No studies under the current filters.',
    find: 'Search these studies',
    sortBy: 'Sort by',
    sortYearDesc: 'Newest first',
    sortYearAsc: 'Oldest first',
    sortTitle: 'Title, A to Z',
    sortTitleDesc: 'Title, Z to A',
    sortAuthor: 'First author, A to Z',
    sortAuthorDesc: 'First author, Z to A',
    groupBy: 'Group by',
    noGroups: 'None',
    /** The group of studies not coded in the grouping dimension. */
    notCoded: 'Not coded',
    /** A group's heading: "High: 3 studies". */
    group: { one: '{label}: {n} study', other: '{label}: {n} studies' },
    /** The button under a long list: {n} more of the {rest} not shown. */
    more: 'Show {n} more of {rest}',
  },
  /** `<egm-filter-bar>`. */
  filterBar: {
    /** Heading over the problems of an invalid map. */
    invalid: 'This map cannot be filtered',
    /** Heading over the problems of the `dimensions` attribute. */
    cannotShow: 'This filter bar cannot be shown',
    /** The toolbar's label. */
    toolbar: 'Filters',
    /** Visually hidden, after the number of categories selected on a filter's button. */
    selected: { one: ' selected', other: ' selected' },
    /** Visually hidden, after the number of studies beside an option. */
    facet: { one: ' study', other: ' studies' },
    /** The mode button: {mode} is one of the mode names below. */
    match: 'Match: {mode}',
    modeLegend: 'Show studies that match',
    modeStandard: 'Each filter',
    modeStandardDescription: 'Standard: a study needs one of your choices in every filter you use.',
    modeAll: 'Every choice',
    modeAllDescription: 'A study needs all of your choices, in every filter.',
    modeAny: 'Any choice',
    modeAnyDescription: 'A study needs just one of your choices, in any filter.',
    /** The search box's label (visually hidden). */
    search: 'Search titles, authors and abstracts',
    searchPlaceholder: 'Search studies',
    years: 'Years',
    from: 'From',
    to: 'To',
    activeFilters: 'Active filters',
    /** Visually hidden, before each chip's text. */
    removeFilter: 'Remove filter: ',
    chip: '{dimension}: {category}',
    chipSearch: 'Search: “{query}”',
    /** {range}: one of the three below. */
    chipYears: 'Years: {range}',
    yearsBetween: '{from}–{to}',
    yearsFrom: 'from {from}',
    yearsTo: 'to {to}',
    clear: 'Clear all',
    /** The live status line: {shown} of the map's {n} studies pass. */
    status: { one: 'Showing {shown} of {n} study', other: 'Showing {shown} of {n} studies' },
  },
} satisfies Record<string, Record<string, string | Plural>>;

/** The shape of the string table. */
export type EgmStrings = typeof en;
