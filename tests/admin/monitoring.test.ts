// @vitest-environment jsdom
// The monitoring screens' data layer: declaring a case and recording a visit
// become the API's input objects; every monitoring enum of schema.graphql has
// labels in both languages; the monitoring labels exist in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphQLEnumType, buildSchema } from 'graphql';
import { createDataProvider } from '../../admin/src/data/dataProvider.ts';
import { createGraphQLClient } from '../../admin/src/data/graphql.ts';
import { specs } from '../../admin/src/data/specs/index.ts';
import { VISIT_ASPECTS, caseStepDocument } from '../../admin/src/data/specs/monitoring.ts';
import { ENUMS } from '../../admin/src/i18n/enums.ts';
import { monitoringEn, monitoringZh } from '../../admin/src/i18n/monitoring.ts';
import { enMessages, zhMessages } from '../../admin/src/i18n/index.ts';

// (import.meta.url is not a file: URL under jsdom)
const SCHEMA_FILE = path.join(process.cwd(), 'schema.graphql'); // vitest runs from the repository root;
const schema = fs.existsSync(SCHEMA_FILE) ? buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8')) : null;

function recordingProvider(answer: (query: string) => unknown) {
  const sent: { query: string; variables: Record<string, any> }[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, any> };
    sent.push(body);
    return new Response(JSON.stringify({ data: answer(body.query) }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { sent, provider: createDataProvider({ specs, request: createGraphQLClient({ getToken: () => 't', fetch }) }) };
}

const keys = (messages: unknown, prefix = ''): string[] =>
  typeof messages !== 'object' || messages === null
    ? [prefix]
    : Object.entries(messages)
        .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        .sort();

describe('monitoring data layer', () => {
  it('declares a case with the declaration input (blank source ids left out as null)', async () => {
    const node = {
      id: 'TW9uaXRvcmluZ0Nhc2U6MQ==',
      stage: 'DECLARED',
      household: {
        id: 'h1',
        householdNumber: '3413241001010001',
        head: { id: 'p', name: '张三' },
        village: { id: 'v', name: '一村', township: { id: 't', name: '大庄镇' } },
      },
    };
    const { sent, provider } = recordingProvider(() => ({ declareMonitoringCase: { monitoringCase: node } }));
    const { data } = await provider.create('monitoringCases', {
      data: { householdId: 'h1', category: 'EDGE', riskTypes: ['ILLNESS'], reason: '大病', source: 'SELF_DECLARATION', warningId: '' },
    });
    expect(sent[0]!.query).toMatch(/^mutation declareMonitoringCase\(\$input: DeclareMonitoringCaseInput!\)/);
    expect(sent[0]!.variables.input).toEqual({
      householdId: 'h1',
      category: 'EDGE',
      riskTypes: ['ILLNESS'],
      reason: '大病',
      source: 'SELF_DECLARATION',
      warningId: null,
    });
    expect(data).toMatchObject({ householdNumber: '3413241001010001', headName: '张三', townshipName: '大庄镇', villageName: '一村' });
  });

  it('records a visit: nine aspects, a note only for a failed aspect', async () => {
    const { sent, provider } = recordingProvider(() => ({ recordVisit: { visit: { id: 'v1', riskPoints: [{ id: 'r' }] } } }));
    const aspects = VISIT_ASPECTS.map((aspect) => ({
      aspect,
      passed: aspect !== 'HOUSING_SAFETY',
      note: aspect === 'FOOD' ? 'ignored' : aspect === 'HOUSING_SAFETY' ? '房屋开裂' : '',
    }));
    await provider.create('visits', { data: { householdId: 'h1', visitedAt: '2026-11-20', note: '', aspects } });
    const input = sent[0]!.variables.input;
    expect(input.note).toBeNull();
    expect(input.aspects).toHaveLength(9);
    expect(input.aspects.find((a: any) => a.aspect === 'HOUSING_SAFETY')).toEqual({
      aspect: 'HOUSING_SAFETY',
      passed: false,
      note: '房屋开裂',
    });
    expect(input.aspects.find((a: any) => a.aspect === 'FOOD')).toEqual({ aspect: 'FOOD', passed: true, note: null });
  });

  it('maps the case list filters (township → regionCode) and sends decisions with the right input type', async () => {
    const { sent, provider } = recordingProvider(() => ({
      monitoringCases: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    }));
    await provider.getList('monitoringCases', {
      filter: { stage: 'DECLARED', townshipCode: '341324100', category: '' },
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'declaredAt', order: 'DESC' },
    });
    expect(sent[0]!.variables).toMatchObject({
      filter: { stage: 'DECLARED', regionCode: '341324100' },
      orderBy: { field: 'declaredAt', direction: 'DESC' },
    });
    expect(caseStepDocument('rejectMonitoringCase')).toContain('MonitoringCaseDecisionInput!');
    expect(caseStepDocument('verifyMonitoringCase')).toContain('MonitoringCaseStepInput!');
  });
});

describe('monitoring labels', () => {
  it("both languages have the same keys; the stage names are the workflow's Chinese names", () => {
    expect(keys(monitoringEn)).toEqual(keys(monitoringZh));
    expect(Object.values(ENUMS.CaseStage).map(([zh]) => zh)).toEqual([
      '申报',
      '入户核实',
      '村两委研究',
      '乡镇审核',
      '县级审定',
      '不予纳入',
      '风险消除',
    ]);
    expect((zhMessages as any).resources.monitoringCases.name).toBe('监测对象申报');
    expect((enMessages as any).monitoring.declare).toBe('Declare for monitoring');
    expect((zhMessages as any).resources.households.fields.householdNumber).toBe('户编号');
  });

  it.skipIf(!schema)('every labelled enum has exactly the values of schema.graphql', () => {
    for (const name of Object.keys(ENUMS)) {
      const type = schema!.getType(name);
      expect(type, name).toBeInstanceOf(GraphQLEnumType);
      const values = (type as GraphQLEnumType)
        .getValues()
        .map((v) => v.name)
        .sort();
      expect(Object.keys((ENUMS as Record<string, object>)[name]!).sort(), name).toEqual(values);
    }
  });
});
