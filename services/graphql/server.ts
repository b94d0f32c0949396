// Mounts the GraphQL API at /graphql on the platform's express app: Apollo
// Server 5, JWT viewer in the context, coded and masked errors, abuse limits,
// and the offline IDE (Altair, served from node_modules) for browsers.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PothosValidationError } from '@pothos/core';
import type { GraphQLFormattedError } from 'graphql';
import { getDistDirectory, renderAltair } from 'altair-static';
import type { PrismaClient } from '../db.ts';
import { flushPersonalDataReads } from '../audit/audit.ts';
import { bearerToken, verifyToken } from '../auth/token.ts';
import { createContext, type Context } from './context.ts';
import { CodedError } from './errors.ts';
import { limitsPlugin } from './limits.ts';
import { schema } from './schema.ts';

export interface GraphQLOptions {
  prisma: PrismaClient;
  jwtSecret: string;
  introspection: boolean;
  log?: (line: string) => void;
}

/** Codes a caller may see as they are; everything else is an internal error. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function formatError(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof PothosValidationError) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(`internal error: ${(original as Error)?.stack ?? String(original)}`);
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
  const log = options.log ?? ((line: string) => console.error(line));
  const server = new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
    plugins: [limitsPlugin, auditReadsPlugin, ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  const ide = renderAltair({ baseURL: '/graphql/ide/', endpointURL: '/graphql', initialSettings: { language: 'zh-CN' } as never });
  app.use('/graphql/ide', express.static(getDistDirectory(), { index: false }));
  app.get('/graphql', (req, res, next) => (req.accepts(['json', 'html']) === 'html' && !req.query.query ? res.type('html').send(ide) : next()));

  app.use(
    '/graphql',
    express.json({ limit: '64kb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        if (!token) return createContext(options.prisma, null);
        const result = await verifyToken(token, options.jwtSecret);
        if (!result.ok) {
          throw new CodedError('UNAUTHENTICATED', result.reason === 'expired' ? '登录已过期，请重新登录 (token expired)' : '令牌无效 (invalid token)', {
            reason: result.reason,
            http: { status: 401 },
          });
        }
        return createContext(options.prisma, result.viewer);
      },
    }),
  );
  // A body over the limit or malformed JSON: a coded GraphQL-shaped answer, not an HTML page.
  app.use('/graphql', (error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error.status) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status).json({
      errors: [{
        message: tooLarge ? '请求体过大 (request body too large)' : '请求格式错误 (malformed request)',
        extensions: { code: tooLarge ? 'BAD_USER_INPUT' : 'BAD_REQUEST', ...(tooLarge ? { limit: 'bodySize' } : {}) },
      }],
    });
  });
  return server;
}
