// The kernel's error is a plain Error; graphql-js must still hand its code to
// the caller (GraphQLError copies `extensions` from the original error).
import { describe, expect, it } from 'vitest';
import { buildSchema, graphql } from 'graphql';
import { CodedError, badInput, forbidden } from '../../kernel/errors.ts';

const schema = buildSchema('type Query { refused(kind: String!): String }');

describe('coded errors through graphql-js', () => {
  it('keeps message and extensions of an error thrown by a resolver', async () => {
    const rootValue = {
      refused: ({ kind }: { kind: string }) => {
        throw kind === 'input' ? badInput('input.year', '年份无效 (invalid year)') : forbidden();
      },
    };
    const input = await graphql({ schema, rootValue, source: '{ refused(kind: "input") }' });
    expect(input.errors?.[0]?.message).toBe('input.year: 年份无效 (invalid year)');
    expect(input.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.year' });
    const denied = await graphql({ schema, rootValue, source: '{ refused(kind: "other") }' });
    expect(denied.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('is an Error with a code, not a GraphQL type', () => {
    const error = new CodedError('CONFLICT', '冲突 (conflict)', { field: 'version' });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('CONFLICT');
    expect(error.extensions).toEqual({ code: 'CONFLICT', field: 'version' });
  });
});
