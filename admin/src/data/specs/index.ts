// Every resource of the console and its query/mutation map.
import type { ResourceSpec } from '../spec.ts';
import { households, persons, townships, villages } from './regions.ts';
import {
  businessEntities, collectiveIncomes, contracts, employmentChannels, employments, entities, industries,
} from './economy.ts';

/** The API has no user administration yet: a `users` connection is expected (see the users page). */
export const users: ResourceSpec = {
  type: 'User',
  connection: 'users',
  fields: 'username displayName role regionCode canReadPersonalData active version',
  orderByType: undefined,
};

export const specs: Record<string, ResourceSpec> = {
  townships,
  villages,
  households,
  persons,
  industries,
  ...entities,
  businessEntities,
  contracts,
  collectiveIncomes,
  employments,
  employmentChannels,
  users,
};

export { ENTITY_KINDS } from './economy.ts';
