// The offline GraphQL IDE (Altair, served from node_modules) for browsers at
// /graphql. Development only: mountGraphQL leaves it out in production. Its
// start-up options are a separate script (not inline), so the page runs under a
// CSP without 'unsafe-inline' scripts; it needs workers and its own sandbox
// frame (pre-request scripts), which the site-wide policy forbids.
import express, { type Express, type RequestHandler } from 'express';
import { getDistDirectory, isSandboxFrame, renderAltair, renderInitSnippet, SANDBOX_FRAME_CSP } from 'altair-static';
import { CSP_DIRECTIVES, cspHeader } from '../platform/headers.ts';

// No username or password here: the starter query takes them as variables.
const IDE_START_QUERY = `# 1. 在下方 Variables 中填写用户名和密码，运行 Login，复制 token；2. 在 Headers 中加入 Authorization: Bearer <token>
# 1. Fill in username and password under Variables, run Login, copy the token; 2. add the header Authorization: Bearer <token>
mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token user { username role regionCode } }
}

query Households {
  households(first: 10, filter: { regionCode: "341324100", status: LIFTED }) {
    totalCount
    edges { node { id householdNumber liftedYear head { name idNumber } perCapitaNetIncome(year: 2020) } }
  }
}
`;

const OPTIONS_SCRIPT = 'initial_options.js';

export const IDE_CSP = cspHeader({
  ...CSP_DIRECTIVES,
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'"],
});

export function mountIde(app: Express): void {
  const options = {
    baseURL: '/graphql/ide/',
    endpointURL: '/graphql',
    initialSettings: { language: 'zh-CN' } as never,
    // A first-time visitor starts from a login; the token then goes into the Authorization header.
    initialQuery: IDE_START_QUERY,
    initialVariables: '{ "username": "", "password": "" }',
    serveInitialOptionsInSeperateRequest: OPTIONS_SCRIPT,
  };
  const page = renderAltair(options);
  const startScript = renderInitSnippet(options);
  const widen: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', IDE_CSP);
    next();
  };

  app.get(
    `/graphql/ide/${OPTIONS_SCRIPT}`,
    widen,
    (_req, res) => void res.type('text/javascript').set('Cache-Control', 'no-cache').send(startScript),
  );
  app.use(
    '/graphql/ide',
    widen,
    express.static(getDistDirectory(), {
      index: false,
      setHeaders: (res, file) => {
        // The sandbox frame runs user scripts: sandboxed, and framed only by the IDE itself.
        if (isSandboxFrame(file)) {
          res.setHeader('Content-Security-Policy', `${SANDBOX_FRAME_CSP}; frame-ancestors 'self'`);
          res.setHeader('X-Frame-Options', 'SAMEORIGIN');
        }
      },
    }),
  );
  app.get('/graphql', (req, res, next) =>
    req.accepts(['json', 'html']) === 'html' && !req.query.query
      ? res.set('Content-Security-Policy', IDE_CSP).type('html').send(page)
      : next(),
  );
}
