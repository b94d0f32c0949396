// Mounts the GraphQL API at /graphql on the platform's express app: Apollo
// Server 5, JWT viewer in the context, coded and masked errors, abuse limits,
// and, outside production, the offline IDE for browsers (ide.ts).
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PothosValidationError } from '@pothos/core';
import type { GraphQLFormattedError } from 'graphql';
import type { PrismaClient } from '../db.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailable } from '../dbErrors.ts';
import { logger } from '../platform/log.ts';
import { flushPersonalDataReads } from '../audit/audit.ts';
import { bearerToken, tokenRefusalMessage, viewerFromToken } from '../auth/token.ts';
import { createContext, type Context } from './context.ts';
import { mountIde } from './ide.ts';
import { CodedError, ERROR_CODES, asGraphQLError } from './errors.ts';
import { limitsPlugin } from './limits.ts';
import { schema } from './schema.ts';

export interface GraphQLOptions {
  prisma: PrismaClient;
  jwtSecret: string;
  introspection: boolean;
  /** Serve the browser IDE at /graphql (never in production). */
  ide?: boolean;
}

// Lines written while a request is served carry its requestId (platform/log.ts).
const log = logger.child({ component: 'graphql' });

/** Codes a caller may see as they are; everything else is an internal error. */
const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** A database outage answers 503 (with Retry-After) instead of 200 with an error. */
const unavailablePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};

function formatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof PothosValidationError) {
      // Pothos's own refusals (a malformed global id or cursor) are in English only.
      return { ...formatted, message: `输入无效 (invalid input: ${formatted.message})`, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isDatabaseUnavailable(original)) {
      log.warn({ cause: (original as Error)?.message?.split('\n').filter(Boolean).at(-1) ?? String(original) }, 'database unavailable');
      const { message, extensions } = serviceUnavailable();
      return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions };
    }
    // graphql-js aborts variable coercion after 50 errors with an uncoded error
    // that Apollo does not mark as user input: it is bad input all the same.
    if (
      (formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR' &&
      /^Too many errors processing variables/.test(formatted.message)
    ) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: '服务器内部错误，已记录 (internal server error; it has been logged)',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Writes the audit rows for personal data a response revealed. */
const auditReadsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await flushPersonalDataReads(contextValue);
      },
    };
  },
};

export async function mountGraphQL(app: Express, options: GraphQLOptions): Promise<ApolloServer<Context>> {
  const server = new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(),
    plugins: [limitsPlugin, auditReadsPlugin, unavailablePlugin, ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  if (options.ide) mountIde(app);

  app.use(
    '/graphql',
    express.json({ limit: '64kb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        if (!token) return { ...createContext(options.prisma, null), clientAddress: req.ip };
        // The session lookup is the request's first query: an exhausted pool refuses here, as 503.
        const result = await viewerFromToken(options.prisma, token, options.jwtSecret).catch((error: unknown) => {
          if (!isDatabaseUnavailable(error)) throw error;
          const refusal = serviceUnavailable();
          refusal.extensions.http = { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
          throw asGraphQLError(refusal);
        });
        if (!result.ok) {
          throw asGraphQLError(
            new CodedError('UNAUTHENTICATED', tokenRefusalMessage(result.reason), { reason: result.reason, http: { status: 401 } }),
          );
        }
        return { ...createContext(options.prisma, result.viewer), clientAddress: req.ip };
      },
    }),
  );
  // A body over the limit or malformed JSON: a coded GraphQL-shaped answer, not an HTML page.
  app.use('/graphql', (error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error.status) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status).json({
      errors: [
        {
          message: tooLarge ? '请求体过大 (request body too large)' : '请求格式错误 (malformed request)',
          extensions: { code: tooLarge ? 'BAD_USER_INPUT' : 'BAD_REQUEST', ...(tooLarge ? { limit: 'bodySize' } : {}) },
        },
      ],
    });
  });
  return server;
}
