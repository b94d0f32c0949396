// Coded errors: every error a caller sees carries `extensions.code`. Anything
// else is an internal error, logged and masked in `formatError` (server.ts).
// The error type and its codes are the kernel's (kernel/errors.ts): a plain
// Error whose `extensions` graphql-js copies when a resolver throws it.
import { GraphQLError } from 'graphql';
import type { CodedError } from '../../kernel/errors.ts';

export { CodedError, ERROR_CODES, type ErrorCode, unauthenticated, forbidden, notFound, conflict, badInput } from '../../kernel/errors.ts';

/**
 * For errors raised before execution (building the context): Apollo prefixes a
 * non-GraphQLError's message there with "Context creation failed:".
 */
export const asGraphQLError = (error: CodedError): GraphQLError => new GraphQLError(error.message, { originalError: error });
