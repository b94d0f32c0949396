import { builder } from '../graphql/builder.ts';
import { orderByInput, prismaOrder } from '../graphql/connections.ts';
import { TownshipKind } from '../../prisma/generated/client/enums.ts';
import { visibleTownships, viewerVillages } from './scope.ts';

const TownshipKindEnum = builder.enumType(TownshipKind, { name: 'TownshipKind', description: '乡镇类型：镇、乡、开发区' });

export const TownshipRef = builder.prismaNode('Township', {
  description: '乡镇（含开发区）',
  id: { field: 'code' },
  nullable: true,
  findUnique: (code, ctx) => ({ code: String(code), AND: [visibleTownships(ctx)] }),
  fields: (t) => ({
    code: t.exposeString('code', { description: '9 位行政区划代码' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: TownshipKindEnum }),
    villages: t.relatedConnection('villages', {
      cursor: 'code',
      totalCount: true,
      description: '所辖行政村/社区（仅限您的管辖范围）',
      query: (_args, ctx) => ({ where: viewerVillages(ctx), orderBy: { code: 'asc' } }),
    }),
  }),
});

const TownshipFilter = builder.inputType('TownshipFilter', {
  fields: (t) => ({ regionCode: t.string({ description: '行政区划代码前缀' }) }),
});
const TownshipOrderBy = orderByInput('TownshipOrderBy', { code: '区划代码', name: '名称' });

builder.queryField('townships', (t) =>
  t.prismaConnection({
    type: 'Township',
    cursor: 'code',
    totalCount: (_parent, args, ctx) => ctx.prisma.township.count({ where: visibleTownships(ctx, args.filter?.regionCode) }),
    args: { filter: t.arg({ type: TownshipFilter }), orderBy: t.arg({ type: TownshipOrderBy }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.township.findMany({
        ...query,
        where: visibleTownships(ctx, args.filter?.regionCode),
        orderBy: prismaOrder(args.orderBy, 'code'),
      }),
  }),
);
