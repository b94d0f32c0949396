// Which Cube member filters a region: views carry names (`township`, `village`)
// and, where the model has them, division codes (`township_code`, `village_code`).
import type { CubeFilter, CubeView } from './cube.ts';

export function hasMember(meta: CubeView[] | undefined, name: string): boolean {
  const view = meta?.find((v) => name.startsWith(`${v.name}.`));
  return !!view && [...view.dimensions, ...view.measures].some((m) => m.name === name);
}

/** A filter on a region of a view: by code when the view has the code dimension, else by name. */
export function regionFilter(
  meta: CubeView[] | undefined,
  view: string,
  level: 'township' | 'village',
  region: { code: string; name: string },
): CubeFilter {
  const byCode = `${view}.${level}_code`;
  return hasMember(meta, byCode)
    ? { member: byCode, operator: 'equals', values: [region.code] }
    : { member: `${view}.${level}`, operator: 'equals', values: [region.name] };
}
