// New agricultural business entities (新型农业经营主体): cooperatives, leading
// enterprises, family farms, poverty-alleviation workshops, industrial-park bases.
// Region-bound by their county/township/village columns: a village cadre sees the
// entities of their own village only. Mutations are in entityMutations.ts.
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { builder } from '../graphql/builder.ts';
import { orderByInput, parseIntId, prismaOrder } from '../graphql/connections.ts';
import type { Context } from '../graphql/context.ts';
import { labelledEnum } from '../graphql/enums.ts';
import { phoneFor } from '../audit/personalData.ts';
import { effectiveRegion, regionWhere } from '../auth/scope.ts';
import type { Prisma } from '../db.ts';
import { BusinessEntityKind } from '../../prisma/generated/client/enums.ts';
import { TownshipRef } from '../regions/township.ts';
import { IndustryRef } from '../industries/industry.ts';

export const BusinessEntityKindEnum = labelledEnum('BusinessEntityKind', BusinessEntityKind, '新型农业经营主体类型');

// ───────────── Region scope ─────────────

/** Entities the viewer sees, optionally narrowed to a requested region. */
export const visibleEntities = (ctx: Context, requested?: string | null) => regionWhere(effectiveRegion(ctx, requested));

/** Where an entity lies: its village, or its township for a township-level entity. */
export const entityRegionCode = (e: { townshipCode: string; villageCode: string | null }) => e.villageCode ?? e.townshipCode;

// ───────────── Node ─────────────

export const BusinessEntityRef = builder.prismaNode('BusinessEntity', {
  description: '新型农业经营主体（合作社、龙头企业、家庭农场、扶贫车间/工厂、园区基地）',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id: parseIntId(id) ?? -1 }),
  fields: (t) => ({
    kind: t.expose('kind', { type: BusinessEntityKindEnum }),
    name: t.exposeString('name', { description: '名称' }),
    creditCode: t.exposeString('creditCode', { description: '统一社会信用代码（18 位）' }),
    legalRepresentative: t.exposeString('legalRepresentative', { description: '法定代表人' }),
    phone: t.string({
      nullable: true,
      description: '联系电话（无个人信息权限时脱敏）',
      select: { id: true, phone: true },
      resolve: (e, _args, ctx) => phoneFor(ctx, 'BusinessEntity', e.id, e.phone),
    }),
    // No Prisma relation to the township: batched per request with the dataloader.
    township: t.loadable({
      type: TownshipRef,
      description: '所在乡镇',
      load: (codes: string[], ctx: Context) => ctx.prisma.township.findMany({ where: { code: { in: codes } } }),
      sort: (township) => township.code,
      resolve: (e) => e.townshipCode,
    }),
    village: t.relation('village', { nullable: true, description: '所在村（乡镇级主体为空）' }),
    townshipCode: t.exposeString('townshipCode', { description: '乡镇区划代码（9 位）' }),
    villageCode: t.exposeString('villageCode', { nullable: true, description: '村区划代码（12 位；乡镇级主体为空）' }),
    address: t.exposeString('address', { description: '地址' }),
    registeredCapital: t.expose('registeredCapital', { type: 'Decimal', description: '注册资本（元）' }),
    memberCount: t.exposeInt('memberCount', { description: '成员（社员、员工）人数' }),
    establishedAt: t.expose('establishedAt', { type: 'Date', description: '成立日期' }),
    industries: t.field({
      type: [IndustryRef],
      description: '所属产业',
      select: (_args, _ctx, nestedSelection) => ({
        industries: { select: { industry: nestedSelection(true) }, orderBy: { industryId: 'asc' } },
      }),
      resolve: (e) => e.industries.map((link) => link.industry),
    }),
    benefitLinkageContracts: t.relatedConnection('benefitLinkageContracts', {
      cursor: 'id',
      totalCount: true,
      description: '利益联结合同（仅限您管辖区域内的住户）',
      query: () => ({ orderBy: { id: 'asc' } }),
    }),
    employments: t.relatedConnection('employments', {
      cursor: 'id',
      totalCount: true,
      description: '在本主体就业的人员记录（仅限您管辖区域内的住户）',
      query: () => ({ orderBy: { id: 'asc' } }),
    }),
    version: t.exposeInt('version', { description: '版本号（乐观锁）' }),
  }),
});

// ───────────── Industry.businessEntities ─────────────

// An industry's entities in the viewer's region, paged over the join rows
// (cursor: the join's primary key), loaded in the industry's own query.
const entityLinks = prismaConnectionHelpers(builder, 'BusinessEntityIndustry', {
  cursor: 'entityId_industryId',
  select: (nodeSelection) => ({ entity: nodeSelection(true) }),
  query: () => ({ orderBy: { entityId: 'asc' as const } }),
  resolveNode: (link) => link.entity,
});

builder.prismaObjectField(IndustryRef, 'businessEntities', (t) =>
  t.connection(
    {
      type: BusinessEntityRef,
      description: '从事该产业的经营主体（仅限您的管辖区域）',
      select: (args, ctx, nestedSelection) => ({
        businessEntities: entityLinks.getQuery(args, ctx, nestedSelection),
        _count: { select: { businessEntities: true } },
      }),
      resolve: (industry, args, ctx) => ({
        ...entityLinks.resolve(industry.businessEntities, args, ctx),
        totalCount: industry._count.businessEntities,
      }),
    },
    {
      name: 'IndustryBusinessEntitiesConnection',
      fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount }) }),
    },
  ),
);

// ───────────── Connections: businessEntities, cooperatives, enterprises ─────────────

const filterFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  regionCode: t.string({ description: '行政区划代码前缀（县 6 位、乡镇 9 位、村 12 位）' }),
  industryCode: t.string({ description: '产业代码' }),
  search: t.string({ description: '名称（包含）或统一社会信用代码（前缀）' }),
});

const BusinessEntityFilter = builder.inputType('BusinessEntityFilter', {
  fields: (t) => ({ ...filterFields(t), kind: t.field({ type: BusinessEntityKindEnum }) }),
});
/** The filter of the one-kind lists (cooperatives, enterprises): no `kind`. */
const BusinessEntityOfKindFilter = builder.inputType('BusinessEntityOfKindFilter', { fields: (t) => filterFields(t) });

const BusinessEntityOrderBy = orderByInput('BusinessEntityOrderBy', {
  id: '登记顺序',
  name: '名称',
  establishedAt: '成立日期',
  registeredCapital: '注册资本',
});

export interface EntityFilterInput {
  regionCode?: string | null;
  kind?: BusinessEntityKind | null;
  industryCode?: string | null;
  search?: string | null;
}

/** The one where-clause of every entity list (and its totalCount). */
export function entityWhere(ctx: Context, filter: EntityFilterInput | null | undefined): Prisma.BusinessEntityWhereInput {
  const search = filter?.search?.trim();
  const industryCode = filter?.industryCode?.trim();
  return {
    ...visibleEntities(ctx, filter?.regionCode),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(industryCode ? { industries: { some: { industry: { code: industryCode.toUpperCase() } } } } : {}),
    ...(search ? { OR: [{ name: { contains: search } }, { creditCode: { startsWith: search.toUpperCase() } }] } : {}),
  };
}

/** Registers one entity list; `kind` fixes the kind (and drops it from the filter). */
function entityConnection(name: string, description: string, kind: BusinessEntityKind | null) {
  builder.queryField(name, (t) =>
    t.prismaConnection({
      type: 'BusinessEntity',
      cursor: 'id',
      description,
      args: {
        filter: t.arg({ type: kind ? BusinessEntityOfKindFilter : BusinessEntityFilter }),
        orderBy: t.arg({ type: BusinessEntityOrderBy }),
      },
      totalCount: (_parent, args, ctx) => ctx.prisma.businessEntity.count({ where: entityWhere(ctx, withKind(args.filter, kind)) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.businessEntity.findMany({
          ...query,
          where: entityWhere(ctx, withKind(args.filter, kind)),
          orderBy: prismaOrder(args.orderBy, 'id'),
        }),
    }),
  );
}

const withKind = (filter: EntityFilterInput | null | undefined, kind: BusinessEntityKind | null): EntityFilterInput | null | undefined =>
  kind ? { ...filter, kind } : filter;

entityConnection('businessEntities', '新型农业经营主体列表', null);
entityConnection('cooperatives', '农民专业合作社列表', 'COOPERATIVE');
entityConnection('enterprises', '龙头企业列表', 'LEADING_ENTERPRISE');
