// The import direction (ARCHITECTURE.md): kernel ← data ← audit ← API toolkit
// ← domain areas ← API assembly ← entry. `npm run check:deps` fails CI on any arrow
// that points the other way, on any import cycle, and on a console or seed
// import outside what they may use.
const KERNEL = '^kernel/';
const DATA = '^(prisma/(?!seed/)|services/(db|scopedDb|dbErrors)\\.ts$)';
const SEED = '^prisma/seed/';
// Platform leaves every server layer may use: settings, the logger, the terminal
// printer, security headers. They import nothing above the data layer.
const INFRA = '^services/platform/(config|headers|log|terminal)\\.ts$';
// Auditing and personal-data masking: every mutation helper of the toolkit writes through it.
const AUDIT = '^services/audit/';
// The Pothos builder and the helpers areas build their types with; it knows no area.
const TOOLKIT = '^services/graphql/(?!(schema|server|printSchema|ide)\\.ts$)';
// Areas from the bottom up: an area may import only the areas before it, so two
// areas never depend on each other, not even through a third.
const AREA_ORDER = [
  'auth',
  'regions',
  'households',
  'industries',
  'entities',
  'linkage',
  'employment',
  'collective',
  'monitoring',
  'crosscheck',
];
const AREAS = `^services/(${AREA_ORDER.join('|')})/`;
// What assembles the areas into the served API: the schema, Apollo, Cube, the console's files.
const API = '^services/(graphql/(schema|server|printSchema|ide)\\.ts$|analytics/|console/)';
const ENTRY = '^(services/(main\\.ts$|platform/)|scripts/|bench/)';
const PACKAGES = '^node_modules/';

const only = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { pathNot: allowed, dependencyTypesNot: ['core'] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules must not import each other in a circle (a circle of type-only imports vanishes at run time and is allowed).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...AREA_ORDER.map((area, rank) => ({
      name: `area-order-${area}`,
      comment: `${area} may import only the areas before it: ${AREA_ORDER.slice(0, rank).join(', ') || 'none'}.`,
      severity: 'error',
      from: { path: `^services/${area}/` },
      to: { path: AREAS, pathNot: `^services/(${AREA_ORDER.slice(0, rank + 1).join('|')})/` },
    })),
    only('kernel-is-pure', 'The kernel imports only itself: no database, HTTP, GraphQL or npm package.', KERNEL, KERNEL),
    {
      name: 'kernel-builtins',
      comment: 'Of Node itself the kernel uses only node:crypto (password hashing), so the console can bundle the rest.',
      severity: 'error',
      from: { path: KERNEL },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    only(
      'platform-leaves',
      'Settings, logger, terminal and headers stay leaves, so anyone may use them.',
      INFRA,
      `${KERNEL}|${DATA}|${INFRA}|${PACKAGES}`,
    ),
    only(
      'data-layer',
      'The data layer (prisma/, the Prisma client) imports the kernel and itself.',
      DATA,
      `${KERNEL}|${DATA}|${INFRA}|${PACKAGES}`,
    ),
    only('seed', 'The generator imports only the kernel and the data layer, never the API.', SEED, `${KERNEL}|${DATA}|${SEED}|${PACKAGES}`),
    only(
      'audit',
      'Auditing knows the data layer and the kernel only (not GraphQL): the toolkit writes through it.',
      AUDIT,
      `${KERNEL}|${DATA}|${INFRA}|${AUDIT}|${PACKAGES}`,
    ),
    only(
      'toolkit',
      'The API toolkit knows no area: areas register their types on it.',
      TOOLKIT,
      `${KERNEL}|${DATA}|${INFRA}|${AUDIT}|${TOOLKIT}|${PACKAGES}`,
    ),
    only(
      'areas',
      'Areas import the kernel, the data layer, the toolkit and lower areas; never the assembly or the entry points.',
      AREAS,
      `${KERNEL}|${DATA}|${INFRA}|${AUDIT}|${TOOLKIT}|${AREAS}|${PACKAGES}`,
    ),
    only(
      'api',
      'The assembled API imports everything below it, never the entry points.',
      API,
      `${KERNEL}|${DATA}|${INFRA}|${AUDIT}|${TOOLKIT}|${AREAS}|${API}|${PACKAGES}`,
    ),
    only(
      'console',
      'The console imports only itself, the kernel (no node:crypto) and packages; its API types are generated.',
      '^admin/',
      `^admin/|${KERNEL}(?!password\\.ts$)|${PACKAGES}`,
    ),
    {
      name: 'placed',
      comment: 'Every server file belongs to a layer: a new folder or root file under services/ is added to one of them here.',
      severity: 'error',
      from: { path: '^services/', pathNot: [DATA, INFRA, AUDIT, TOOLKIT, AREAS, API, ENTRY] },
      to: {},
    },
    {
      name: 'not-to-tests',
      comment: 'Nothing but tests imports the tests.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(prisma/generated|admin/dist|dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
