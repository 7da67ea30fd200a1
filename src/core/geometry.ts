/** Pie and donut slice paths, shared by the grid, the legend and the picture export. */

const round = (n: number) => Math.round(n * 100) / 100;

/** An SVG path for a pie slice (or a donut slice when `inner` > 0) from angle a0 to a1 (radians, clockwise from 12 o'clock). */
export function arcPath(r: number, inner: number, a0: number, a1: number): string {
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const p = (rad: number, a: number) => `${round(rad * Math.sin(a))} ${round(-rad * Math.cos(a))}`;
  if (inner > 0) {
    return `M${p(r, a0)}A${r} ${r} 0 ${large} 1 ${p(r, a1)}L${p(inner, a1)}A${inner} ${inner} 0 ${large} 0 ${p(inner, a0)}Z`;
  }
  return `M0 0L${p(r, a0)}A${r} ${r} 0 ${large} 1 ${p(r, a1)}Z`;
}
