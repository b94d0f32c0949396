// The policy table (kernel/policy.ts) as GraphQL: the console asks the API what
// its viewer may do instead of keeping its own copy of the role lists.
import { builder } from '../graphql/builder.ts';
import { PERMISSIONS, type Permission } from '../../kernel/policy.ts';

export const PermissionEnum = builder.enumType('Permission', {
  description: '权限（由角色决定；查看未脱敏个人信息还需用户本人的授权）',
  values: Object.fromEntries(
    Object.entries(PERMISSIONS).map(([name, label]) => [name, { value: name as Permission, description: label }]),
  ) as Record<Permission, { value: Permission; description: string }>,
});
