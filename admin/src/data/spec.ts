// One small map per resource tells the data provider how react-admin's calls
// become Relay queries and input-object mutations. Type names must match
// /schema.graphql exactly: a wrong variable type makes the API refuse the call.

export type Node = Record<string, any>;
export type Values = Record<string, unknown>;

export interface MutationSpec {
  /** Mutation field, e.g. `updateHousehold`. */
  name: string;
  /** Its input object type, e.g. `UpdateHouseholdInput`. */
  inputType: string;
}

export interface WriteSpec extends MutationSpec {
  /** Record fields that go into the input (an update sends only those that changed). */
  fields: readonly string[];
}

export interface ResourceSpec {
  /** GraphQL object type (for `... on Type` in node queries). */
  type: string;
  /** Query field of the list: a Relay connection, or a plain list when `plainList`. */
  connection: string;
  /** A plain list (`[Type!]!`): fetched whole, paged and sorted here. */
  plainList?: boolean;
  /** Selection set of a row, without `id`. */
  fields: string;
  /** Extra selection for getOne (a show page's details). */
  detailFields?: string;
  filterType?: string;
  orderByType?: string;
  /** Filter the API always gets (e.g. the kind of a business-entity list). */
  fixedFilter?: Values;
  /** Input values a create always sends (e.g. that kind). */
  fixedInput?: Values;
  /** react-admin filter → API filter (defaults: `q` → `search`, others as they are). */
  mapFilter?: (filter: Values) => Values;
  /** react-admin sort field → the connection's orderBy field enum value. */
  sortFields?: Record<string, string>;
  /** getManyReference target → API filter for the referencing id. */
  references?: Record<string, (id: unknown) => Values>;
  /** Mutation payload field holding the node, e.g. `household`. */
  payload?: string;
  create?: WriteSpec;
  update?: WriteSpec;
  delete?: MutationSpec;
  /** Values to derive from the node (foreign keys for references, display names). */
  parse?: (node: Node) => Values;
  /** Input value conversions before sending (e.g. numbers to Decimal strings). */
  serialize?: Record<string, (value: unknown) => unknown>;
}

/** Default filter mapping: drops empty values, `q` is the API's `search`. */
export function defaultFilter(filter: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === '' || value === undefined || value === null) continue;
    out[key === 'q' ? 'search' : key] = value;
  }
  return out;
}

/** Region filters of the console (township then village) → the API's `regionCode` prefix. */
export function regionFilter(filter: Values): Values {
  const { townshipCode, villageCode, ...rest } = filter;
  const region = (villageCode || townshipCode) as string | undefined;
  return defaultFilter({ ...rest, ...(region ? { regionCode: region } : {}) });
}

export const toDecimal = (value: unknown): unknown =>
  value === null || value === undefined || value === '' ? null : typeof value === 'number' ? value.toFixed(2) : String(value).trim();

export const toInt = (value: unknown): unknown =>
  value === null || value === undefined || value === '' ? null : Number.parseInt(String(value), 10);
