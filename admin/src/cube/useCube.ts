// A Cube query as a react-query hook; an expired token logs out like the API does.
import { useQuery } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';
import { errorCode } from '../data/graphql.ts';
import { cubeLoad, cubeMeta, type CubeQuery } from './cube.ts';

export function useCubeLoad(query: CubeQuery | null) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useQuery({
    queryKey: ['cube', query],
    enabled: query !== null,
    retry: false,
    queryFn: async () => {
      try {
        return await cubeLoad(query!);
      } catch (error) {
        if (errorCode(error) === 'UNAUTHENTICATED') await logoutIfAccessDenied(error);
        throw error;
      }
    },
  });
}

export function useCubeMeta() {
  return useQuery({ queryKey: ['cube-meta'], queryFn: cubeMeta, retry: false, staleTime: 5 * 60_000 });
}
