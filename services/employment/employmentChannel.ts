// The five employment channels (就业渠道): a fixed table inserted by the migration.
// Indirect: industrial-park bases, poverty-alleviation factories, cooperatives;
// direct: public-welfare posts, home-based work. Counts and lists under a channel
// are limited to the viewer's region.
import { builder } from '../graphql/builder.ts';
import type { Context } from '../graphql/context.ts';
import { viewerOf } from '../graphql/context.ts';
import { Prisma } from '../db.ts';
import type { EmploymentChannelCode } from '../../prisma/generated/client/enums.ts';
import { todayInChinaIso } from '../../kernel/dates.ts';
import { EmploymentChannelCodeEnum, EmploymentChannelKindEnum, isChannelCode } from './enums.ts';
import { EmploymentFilter, EmploymentOrderBy, employmentOrder, employmentWhere } from './employment.ts';

/** The household column that matches a region code of each length (the only SQL text not bound as a parameter). */
const HOUSEHOLD_REGION_COLUMN: Record<number, string> = { 6: 'county_code', 9: 'township_code', 12: 'village_code' };

/**
 * Distinct persons in work today per channel, within the viewer's region: one
 * grouped statement for every channel a request asks about (the dataloader
 * collects the keys).
 */
async function employedCounts(ctx: Context, codes: readonly EmploymentChannelCode[]): Promise<number[]> {
  const region = viewerOf(ctx).regionCode;
  const column = HOUSEHOLD_REGION_COLUMN[region.length];
  if (!column) return codes.map(() => 0);
  const day = todayInChinaIso();
  const rows = await ctx.prisma.$queryRaw<{ code: string; persons: number }[]>(Prisma.sql`
    SELECT e.channel_code::text AS code, count(DISTINCT e.person_id)::int AS persons
      FROM employment e
      JOIN person p ON p.id = e.person_id
      JOIN household h ON h.id = p.household_id
     WHERE h.${Prisma.raw(column)} = ${region}
       AND e.start_date <= ${day}::date
       AND (e.end_date IS NULL OR e.end_date >= ${day}::date)
     GROUP BY e.channel_code`);
  const byCode = new Map(rows.map((row) => [row.code, Number(row.persons)]));
  return codes.map((code) => byCode.get(code) ?? 0);
}

export const EmploymentChannelRef = builder.prismaNode('EmploymentChannel', {
  description: '就业渠道（共五类）：园区基地、扶贫工厂、合作社为间接就业；公益性岗位、居家就业为直接就业',
  id: { field: 'code' },
  nullable: true,
  // An unknown code matches nothing (a where that can never hold), so node(id) answers null.
  findUnique: (code) => (isChannelCode(code) ? { code } : { code: 'HOME_BASED', NOT: { code: 'HOME_BASED' } }),
  fields: (t) => ({
    code: t.expose('code', { type: EmploymentChannelCodeEnum, description: '渠道代码' }),
    name: t.exposeString('name', { description: '渠道名称' }),
    kind: t.expose('kind', { type: EmploymentChannelKindEnum, description: '间接就业或直接就业' }),
    employedCount: t.loadable({
      type: 'Int',
      description: '今天（北京时间）在岗的人数（按人去重），限您的管辖区域',
      load: (codes: EmploymentChannelCode[], ctx: Context) => employedCounts(ctx, codes),
      resolve: (channel) => channel.code,
    }),
    employments: t.relatedConnection('employments', {
      cursor: 'id',
      totalCount: true,
      description: '该渠道的就业记录（限您的管辖区域）',
      args: { filter: t.arg({ type: EmploymentFilter }), orderBy: t.arg({ type: EmploymentOrderBy }) },
      query: (args, ctx) => ({ where: employmentWhere(ctx, args.filter), orderBy: employmentOrder(args.orderBy) }),
    }),
  }),
});

builder.queryField('employmentChannels', (t) =>
  t.prismaField({
    type: ['EmploymentChannel'],
    description: '五类就业渠道（按规定顺序）',
    resolve: (query, _root, _args, ctx) => ctx.prisma.employmentChannel.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
);
