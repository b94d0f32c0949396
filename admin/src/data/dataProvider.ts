// react-admin's DataProvider over the platform's Relay API (see spec.ts for the
// per-resource maps, queries.ts for the documents, cursorCache.ts for paging).
//
// Pagination: react-admin asks for page N of perPage rows; Relay wants
// first/after. The provider keeps, per list (resource + filter + sort), the
// cursor ending each row offset it has seen. Page N is `first: perPage,
// after: <cursor at offset (N-1)·perPage>`. Next/previous pages hit the cache;
// a jump walks from the nearest known row with cursor-only queries of at most
// 100 rows: forward (first/after) from the start, or backward (last/before)
// from the end when that is nearer, so the last page of 30,000 rows costs two
// requests. A write to a resource forgets its lists; a cursor that finds
// nothing although rows remain is dropped and the walk redone once.
// `totalCount` gives react-admin its total.
import type { DataProvider, GetListResult, RaRecord } from 'react-admin';
import { CursorCache } from './cursorCache.ts';
import { apiError, type GraphQLRequest } from './graphql.ts';
import {
  MAX_PAGE,
  backwardCursorQuery,
  cursorQuery,
  deleteQuery,
  listQuery,
  mutationQuery,
  nodeQuery,
  nodesQuery,
  plainListQuery,
} from './queries.ts';
import { defaultFilter, type Node, type ResourceSpec, type Values } from './spec.ts';

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node?: Node | null }[];
}

export interface Sort {
  field: string;
  order: 'ASC' | 'DESC' | string;
}

export interface ConsoleDataProvider extends DataProvider {
  /** Every row of a list under a filter and sort, 100 per request (for exports). */
  getAll(
    resource: string,
    params: { filter?: Values; sort?: Sort },
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<RaRecord[]>;
  /** Any other operation (record a payout, the employment channels' counts, …). */
  graphql<T = Record<string, any>>(query: string, variables?: Values): Promise<T>;
  /** Forgets cached cursors of a resource (after writes made outside the provider). */
  invalidate(resource: string): void;
}

export interface DataProviderOptions {
  specs: Record<string, ResourceSpec>;
  request: GraphQLRequest;
  cache?: CursorCache;
}

const isEmpty = (v: unknown) => v === '' || v === undefined;

export function createDataProvider({ specs, request, cache = new CursorCache() }: DataProviderOptions): ConsoleDataProvider {
  const specOf = (resource: string): ResourceSpec => {
    const spec = specs[resource];
    if (!spec) throw apiError(`未知资源 (unknown resource): ${resource}`, 'NOT_FOUND');
    return spec;
  };

  const toRecord = (spec: ResourceSpec, node: Node): RaRecord => ({ ...node, ...(spec.parse?.(node) ?? {}) }) as RaRecord;

  function listVariables(spec: ResourceSpec, filter: Values = {}, sort?: Sort): Values {
    const variables: Values = {};
    if (spec.filterType) {
      const apiFilter = { ...(spec.mapFilter ?? defaultFilter)(filter), ...(spec.fixedFilter ?? {}) };
      if (Object.keys(apiFilter).length > 0) variables.filter = apiFilter;
    }
    const field = sort && spec.sortFields?.[sort.field];
    if (spec.orderByType && field) variables.orderBy = { field, direction: sort!.order === 'DESC' ? 'DESC' : 'ASC' };
    return variables;
  }

  async function connection(spec: ResourceSpec, query: string, variables: Values): Promise<Connection> {
    const data = await request<Record<string, Connection>>(query, variables);
    return data[spec.connection]!;
  }

  /** The cursor after `offset` rows, walking if needed; undefined when the list is shorter. */
  async function cursorAt(
    spec: ResourceSpec,
    key: string,
    base: Values,
    offset: number,
  ): Promise<{ cursor: string | null | undefined; total?: number }> {
    const from = cache.nearest(key, offset);
    if (from.offset === offset) return { cursor: from.cursor };
    let total = cache.total(key);
    if (total === undefined && offset - from.offset > 4 * MAX_PAGE) {
      // A deep link into a long list: learn the total first, the end may be nearer.
      total = (await connection(spec, cursorQuery(spec), { ...base, first: 1, after: null })).totalCount;
      cache.setTotal(key, total);
    }
    if (total !== undefined && offset >= total) return { cursor: undefined, total };
    const above = total === undefined ? undefined : (cache.nearestAbove(key, offset, total) ?? { offset: total + 1, cursor: null });
    if (above && above.offset - offset < offset - from.offset) return walkBack(spec, key, base, offset, above, total!);
    return walkForward(spec, key, base, offset, from);
  }

  async function walkForward(
    spec: ResourceSpec,
    key: string,
    base: Values,
    offset: number,
    from: { offset: number; cursor: string | null },
  ) {
    let { offset: known, cursor } = from;
    let total: number | undefined;
    while (known < offset) {
      const page = await connection(spec, cursorQuery(spec), { ...base, first: Math.min(MAX_PAGE, offset - known), after: cursor });
      total = page.totalCount;
      cache.setTotal(key, total);
      const cursors = page.edges.map((e) => e.cursor);
      cache.record(key, known, cursors);
      if (cursors.length === 0) return { cursor: undefined, total };
      known += cursors.length;
      cursor = cursors[cursors.length - 1]!;
      if (!page.pageInfo.hasNextPage && known < offset) return { cursor: undefined, total };
    }
    return { cursor, total };
  }

  /** From the end (`last`/`before`): rows above[offset]-n … above[offset]-1 per request, until row `offset` is known. */
  async function walkBack(
    spec: ResourceSpec,
    key: string,
    base: Values,
    offset: number,
    above: { offset: number; cursor: string | null },
    total: number,
  ) {
    let { offset: top, cursor } = above;
    while (top > offset) {
      const n = Math.min(MAX_PAGE, top - offset);
      const page = await connection(spec, backwardCursorQuery(spec), { ...base, last: n, before: cursor });
      const cursors = page.edges.map((e) => e.cursor);
      if (page.totalCount !== total || cursors.length !== n) {
        // The list changed while we walked: start over from the front.
        cache.forget(key);
        return walkForward(spec, key, base, offset, { offset: 0, cursor: null });
      }
      cache.record(key, top - n - 1, cursors);
      top -= n;
      cursor = cursors[0]!;
    }
    return { cursor: cache.nearest(key, offset).cursor, total };
  }

  /** `count` rows after `offset`, in requests of at most 100. */
  async function rows(
    spec: ResourceSpec,
    key: string,
    base: Values,
    offset: number,
    count: number,
    retry = true,
  ): Promise<{ rows: Node[]; total: number; more: boolean }> {
    const start = await cursorAt(spec, key, base, offset);
    if (start.cursor === undefined) return { rows: [], total: start.total ?? offset, more: false };
    const out: Node[] = [];
    let after = start.cursor;
    let total = 0;
    let more = true;
    while (out.length < count && more) {
      const page = await connection(spec, listQuery(spec), { ...base, first: Math.min(MAX_PAGE, count - out.length), after });
      total = page.totalCount;
      cache.setTotal(key, total);
      more = page.pageInfo.hasNextPage;
      if (page.edges.length === 0 && retry && after !== null && total > offset) {
        // A cached cursor whose row has gone: forget the list and walk again.
        cache.forget(key);
        return rows(spec, key, base, offset, count, false);
      }
      cache.record(
        key,
        offset + out.length,
        page.edges.map((e) => e.cursor),
      );
      for (const edge of page.edges) if (edge.node) out.push(edge.node);
      if (page.edges.length === 0) break;
      after = page.edges[page.edges.length - 1]!.cursor;
    }
    return { rows: out, total, more };
  }

  async function plainList(spec: ResourceSpec, filter: Values, sort?: Sort): Promise<Node[]> {
    const data = await request<Record<string, Node[]>>(plainListQuery(spec));
    let list = (data[spec.connection] ?? []).filter((row) =>
      Object.entries(filter).every(
        ([k, v]) => isEmpty(v) || v === null || row[k] === v || (k === 'q' && JSON.stringify(row).includes(String(v))),
      ),
    );
    if (sort?.field && list.length > 0 && sort.field in list[0]!) {
      const dir = sort.order === 'DESC' ? -1 : 1;
      list = [...list].sort((a, b) => (a[sort.field] > b[sort.field] ? dir : a[sort.field] < b[sort.field] ? -dir : 0));
    }
    return list;
  }

  async function getList(resource: string, filter: Values, sort: Sort | undefined, page: number, perPage: number): Promise<GetListResult> {
    const spec = specOf(resource);
    const offset = (Math.max(1, page) - 1) * perPage;
    if (spec.plainList) {
      const all = await plainList(spec, filter, sort);
      return { data: all.slice(offset, offset + perPage).map((n) => toRecord(spec, n)), total: all.length };
    }
    const base = listVariables(spec, filter, sort);
    const key = CursorCache.key(resource, base.filter, base.orderBy);
    const result = await rows(spec, key, base, offset, perPage);
    return {
      data: result.rows.map((n) => toRecord(spec, n)),
      total: result.total,
      pageInfo: { hasNextPage: result.more, hasPreviousPage: offset > 0 },
    };
  }

  /** The input of a create or update: the spec's fields, converted, '' as null. */
  function input(spec: ResourceSpec, fields: readonly string[], data: Values, previous?: Values): Values {
    const out: Values = {};
    for (const field of fields) {
      if (!(field in data)) continue;
      let value = data[field];
      if (value === '') value = null;
      const convert = spec.serialize?.[field];
      if (convert) value = convert(value);
      if (previous && JSON.stringify(previous[field] ?? null) === JSON.stringify(value ?? null)) continue;
      if (value === undefined) continue;
      out[field] = value;
    }
    return out;
  }

  async function updateOne(resource: string, id: unknown, data: Values, previous?: Values): Promise<RaRecord> {
    const spec = specOf(resource);
    if (!spec.update) throw apiError('该资源不可修改 (this resource is read-only)', 'FORBIDDEN');
    const version = (data.version ?? previous?.version) as number | undefined;
    if (typeof version !== 'number')
      throw apiError('缺少版本号，无法保存 (the record has no version)', 'BAD_USER_INPUT', { field: 'version' });
    const variables = { input: { id, version, ...input(spec, spec.update.fields, data, previous) } };
    const result = await request<Record<string, Record<string, Node>>>(mutationQuery(spec, 'update'), variables);
    cache.clearResource(resource);
    return toRecord(spec, result[spec.update.name]![spec.payload!]!);
  }

  async function deleteOne(resource: string, id: unknown, previous?: Values): Promise<RaRecord> {
    const spec = specOf(resource);
    if (!spec.delete) throw apiError('该资源不可删除 (this resource cannot be deleted)', 'FORBIDDEN');
    let record = previous;
    if (typeof record?.version !== 'number') record = (await provider.getOne(resource, { id })).data;
    await request(deleteQuery(spec), { input: { id, version: record!.version } });
    cache.clearResource(resource);
    return { ...record, id } as RaRecord;
  }

  const provider: ConsoleDataProvider = {
    getList: (resource, params) =>
      getList(resource, params.filter ?? {}, params.sort, params.pagination?.page ?? 1, params.pagination?.perPage ?? 25) as Promise<any>,

    async getOne(resource, { id }) {
      const spec = specOf(resource);
      const data = await request<{ node: Node | null }>(nodeQuery(spec), { id });
      if (!data.node || data.node.__typename !== spec.type) throw apiError(`记录不存在或不在您的管辖区域 (not found: ${id})`, 'NOT_FOUND');
      return { data: toRecord(spec, data.node) as any };
    },

    async getMany(resource, { ids }) {
      const spec = specOf(resource);
      if (ids.length === 0) return { data: [] };
      const data = await request<{ nodes: (Node | null)[] }>(nodesQuery(spec), { ids });
      return { data: data.nodes.filter((n): n is Node => !!n && n.__typename === spec.type).map((n) => toRecord(spec, n)) as any[] };
    },

    getManyReference(resource, { target, id, pagination, sort, filter }) {
      const spec = specOf(resource);
      const reference = spec.references?.[target];
      const extra = reference ? reference(id) : { [target]: id };
      return getList(resource, { ...filter, ...extra }, sort, pagination.page, pagination.perPage) as Promise<any>;
    },

    async create(resource, { data }) {
      const spec = specOf(resource);
      if (!spec.create) throw apiError('该资源不可新建 (this resource cannot be created here)', 'FORBIDDEN');
      const variables = { input: input(spec, spec.create.fields, { ...(data as Values), ...(spec.fixedInput ?? {}) }) };
      const result = await request<Record<string, Record<string, Node>>>(mutationQuery(spec, 'create'), variables);
      cache.clearResource(resource);
      return { data: toRecord(spec, result[spec.create.name]![spec.payload!]!) as any };
    },

    async update(resource, { id, data, previousData }) {
      return { data: (await updateOne(resource, id, data as Values, previousData as Values)) as any };
    },

    async updateMany(resource, { ids, data }) {
      const { data: records } = await provider.getMany(resource, { ids });
      for (const record of records) await updateOne(resource, record.id, { ...data, version: record.version }, record);
      return { data: ids };
    },

    async delete(resource, { id, previousData }) {
      return { data: (await deleteOne(resource, id, previousData as Values)) as any };
    },

    async deleteMany(resource, { ids }) {
      const { data: records } = await provider.getMany(resource, { ids });
      for (const record of records) await deleteOne(resource, record.id, record);
      return { data: ids };
    },

    async getAll(resource, { filter = {}, sort }, onProgress) {
      const spec = specOf(resource);
      if (spec.plainList) return (await plainList(spec, filter, sort)).map((n) => toRecord(spec, n));
      const base = listVariables(spec, filter, sort);
      const out: RaRecord[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Connection = await connection(spec, listQuery(spec), { ...base, first: MAX_PAGE, after });
        for (const edge of page.edges) if (edge.node) out.push(toRecord(spec, edge.node));
        onProgress?.(out.length, page.totalCount);
        if (!page.pageInfo.hasNextPage || page.edges.length === 0) return out;
        after = page.pageInfo.endCursor ?? page.edges[page.edges.length - 1]!.cursor;
      }
    },

    graphql: (query, variables) => request(query, variables),
    invalidate: (resource) => cache.clearResource(resource),
  };
  return provider;
}
