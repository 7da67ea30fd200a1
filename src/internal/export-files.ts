/**
 * Everything `<egm-map>`'s download buttons need, in one module that the map imports on
 * first use (`import()`), so that the embed bundle does not carry the CSV/RIS writers, the
 * picture maker and the canvas painter for readers who never download anything: the build
 * puts it in a chunk beside the bundle (`dist/egm-chunks/`), which the map starts fetching
 * when a pointer or focus first reaches its download buttons.
 */
import { mapPicture, pictureToSvg } from '../core/export/picture.js';
import { studiesToCsv, studiesToRis } from '../core/export/table.js';
import type { EgmFilters, EgmMap } from '../core/types.js';
import type { EgmGrid } from '../components/egm-grid/egm-grid.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { canvasToPng, download, paintPicture } from './download.js';
import type { MapData } from './map-data.js';

/**
 * The file name of a map's downloads, without extension: its id or title as a slug, accented
 * letters without their accents (`Évaluation` → `evaluation`, not `valuation`).
 */
function fileStem(map: EgmMap): string {
  const name = (map.id ?? map.title ?? 'evidence-gap-map').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'map';
}

/** Downloads the studies of `data` passing `filters` as CSV or RIS; returns the text and how many studies it holds. */
export function downloadStudies(data: MapData, filters: EgmFilters, kind: 'csv' | 'ris'): { text: string; count: number } {
  const { studies, ...schema } = data.map;
  const mask = data.filters.mask(filters);
  const list = studies.filter((_, i) => mask.has(i));
  const text = kind === 'csv' ? studiesToCsv(schema, list) : studiesToRis(schema, list);
  download(`${fileStem(data.map)}.${kind}`, text, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-research-info-systems;charset=utf-8');
  return { text, count: list.length };
}

/**
 * Downloads `grid` as drawn now (filters, collapsed groups, hidden segments) as SVG or PNG;
 * returns the SVG text or the PNG blob, `undefined` when the grid has no map.
 */
export async function downloadPicture(data: MapData, grid: EgmGrid, hiddenSegments: readonly string[] | undefined, kind: 'svg' | 'png'): Promise<string | Blob | undefined> {
  const { model, counts } = grid;
  if (!model || !counts) return undefined;
  const title = data.map.title;
  // The key and the counts in the grid's language, as the grid shows them: a locale controller
  // made for the grid and detached at once (from the grid and from the window's locale events),
  // which resolves the language and strings as the grid's own does.
  const l10n = new LocaleController(grid);
  grid.removeController(l10n);
  l10n.hostDisconnected();
  l10n.resolve();
  const picture = mapPicture(model, counts, {
    title,
    hiddenSegments,
    donut: grid.donut,
    notCoded: l10n.s.grid.notCoded,
    gap: l10n.s.legend.gap,
    formatCount: (n) => l10n.n(n),
  });
  if (kind === 'svg') {
    const svgText = pictureToSvg(picture, title);
    download(`${fileStem(data.map)}.svg`, svgText, 'image/svg+xml;charset=utf-8');
    return svgText;
  }
  const png = await canvasToPng(paintPicture(picture));
  download(`${fileStem(data.map)}.png`, png);
  return png;
}
