// The console's one data provider instance: the session's token on every call.
import { getToken } from '../auth/session.ts';
import { createDataProvider } from './dataProvider.ts';
import { createGraphQLClient } from './graphql.ts';
import { specs } from './specs/index.ts';

export const graphqlRequest = createGraphQLClient({ url: '/graphql', getToken });
export const dataProvider = createDataProvider({ specs, request: graphqlRequest });
export type { ConsoleDataProvider } from './dataProvider.ts';
