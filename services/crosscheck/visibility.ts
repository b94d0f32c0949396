// Who sees which imports and alerts.
//   Imports: county administrators all; a department user their own department's;
//   a township officer those that raised alerts in their region.
//   Alerts: by the matched household's region codes; a department user only the
//   alerts of their own department's imports (within their region).
import type { Prisma } from '../db.ts';
import type { Viewer } from '../graphql/context.ts';
import { regionWhere } from '../auth/scope.ts';

const NONE = { id: -1 } as const;

export const IMPORT_READERS = ['COUNTY_ADMIN', 'DEPARTMENT_USER', 'TOWNSHIP_OFFICER'] as const;
export const ALERT_READERS = ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE', 'DEPARTMENT_USER'] as const;
export const ALERT_REVIEWERS = ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE'] as const;

export function importVisibility(viewer: Viewer): Prisma.DepartmentImportWhereInput {
  switch (viewer.role) {
    case 'COUNTY_ADMIN':
      return {};
    case 'DEPARTMENT_USER':
      return viewer.department ? { department: viewer.department } : NONE;
    case 'TOWNSHIP_OFFICER':
      return { records: { some: { alerts: { some: regionWhere(viewer.regionCode) } } } };
    default:
      return NONE;
  }
}

/** `region` is the effective region (viewer's scope narrowed by a filter), null = nothing. */
export function alertVisibility(viewer: Viewer, region: string | null = viewer.regionCode): Prisma.AlertWhereInput {
  if (!(ALERT_READERS as readonly string[]).includes(viewer.role)) return NONE;
  const where: Prisma.AlertWhereInput = { ...regionWhere(region) };
  if (viewer.role === 'DEPARTMENT_USER') {
    if (!viewer.department) return NONE;
    where.record = { import: { department: viewer.department } };
  }
  return where;
}
