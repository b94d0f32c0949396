// Every resource of the console and its query/mutation map.
import type { ResourceSpec } from '../spec.ts';
import { households, persons, townships, villages } from './regions.ts';
import { businessEntities, collectiveIncomes, contracts, employmentChannels, employments, entities, industries } from './economy.ts';
import { monitoringSpecs } from './monitoring.ts';
import { users } from './users.ts';

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
  ...monitoringSpecs,
};

export { ENTITY_KINDS } from './economy.ts';
