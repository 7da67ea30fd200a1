/**
 * Saving files and drawing pictures in the browser, for `<egm-map>`'s exports. CSP-safe: blob
 * downloads through a temporary link, PNGs painted on a canvas from the picture's shapes (no
 * image loaded from a blob or data URL, which a strict `img-src` would refuse).
 */
import type { Picture } from '../core/export/picture.js';

/** Offers `content` as a file download. */
export function download(filename: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The longest side of a canvas that browsers paint: Chromium and Firefox refuse sides over
 * 32,767 pixels, and Chromium areas over 16,384 squared, and then make no PNG at all.
 */
const MAX_SIDE = 16_384;

/**
 * Paints a picture on a canvas at `scale` (2 for sharp text on high-density screens), or at
 * the largest scale a browser paints when that is less (a map of hundreds of rows).
 */
export function paintPicture(picture: Picture, scale = 2): HTMLCanvasElement {
  scale = Math.min(MAX_SIDE / picture.width, MAX_SIDE / picture.height, scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.min(MAX_SIDE, Math.ceil(picture.width * scale));
  canvas.height = Math.min(MAX_SIDE, Math.ceil(picture.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, picture.width, picture.height);
  for (const s of picture.shapes) {
    ctx.save();
    if (s.kind === 'rect') {
      ctx.fillStyle = s.fill;
      ctx.fillRect(s.x, s.y, s.width, s.height);
      if (s.stroke) {
        ctx.strokeStyle = s.stroke;
        ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.width, s.height);
      }
    } else if (s.kind === 'path') {
      ctx.translate(s.x, s.y);
      const path = new Path2D(s.d);
      ctx.fillStyle = s.fill;
      ctx.fill(path);
      ctx.strokeStyle = '#ffffff';
      ctx.stroke(path);
    } else {
      ctx.translate(s.x, s.y);
      if (s.rotate) ctx.rotate((s.rotate * Math.PI) / 180);
      ctx.font = `${s.weight ?? 400} ${s.size}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
      ctx.fillStyle = s.fill;
      ctx.textAlign = s.anchor === 'middle' ? 'center' : s.anchor === 'end' ? 'right' : 'left';
      ctx.fillText(s.text, 0, 0);
    }
    ctx.restore();
  }
  return canvas;
}

/** A canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not make a PNG'))), 'image/png'));
}
