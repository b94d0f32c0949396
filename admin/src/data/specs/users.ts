// Users (services/auth/user.ts): county administrators only. The password is
// written (create, reset) but never read: the API has no such field.
import type { ResourceSpec } from '../spec.ts';

export const users: ResourceSpec = {
  type: 'User',
  connection: 'users',
  fields: 'username displayName role regionCode department canReadPersonalData active createdAt version',
  filterType: 'UserFilter',
  orderByType: 'UserOrderBy',
  sortFields: { username: 'username', createdAt: 'createdAt' },
  payload: 'user',
  create: {
    name: 'createUser',
    inputType: 'CreateUserInput',
    fields: ['username', 'displayName', 'password', 'role', 'regionCode', 'department', 'canReadPersonalData'],
  },
  update: {
    name: 'updateUser',
    inputType: 'UpdateUserInput',
    fields: ['displayName', 'role', 'regionCode', 'department', 'canReadPersonalData', 'active'],
  },
  serialize: {
    // An empty select means "no department"; the API wants null, and booleans must not be undefined.
    department: (v) => (v === '' || v === undefined ? null : v),
    canReadPersonalData: (v) => v === true,
  },
};

export const RESET_USER_PASSWORD = `mutation ResetUserPassword($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) { user { id version } }
}`;

export const USER_DOCUMENTS = [RESET_USER_PASSWORD];
