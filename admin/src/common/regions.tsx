// Township and village pickers whose values are division codes (the API's
// filters and inputs take codes, not global ids). Village choices follow the
// township chosen in the same form.
import { useWatch } from 'react-hook-form';
import { SelectInput, useGetList, type SelectInputProps } from 'react-admin';

type Props = Omit<SelectInputProps, 'choices'> & { source?: string };

export function TownshipSelect({ source = 'townshipCode', ...props }: Props) {
  const { data, isPending } = useGetList('townships', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const choices = (data ?? []).map((t) => ({ id: t.code, name: `${t.name}` }));
  return <SelectInput source={source} choices={choices} isPending={isPending} {...props} />;
}

export function VillageSelect({ source = 'villageCode', townshipSource = 'townshipCode', ...props }: Props & { townshipSource?: string }) {
  const township = useWatch({ name: townshipSource }) as string | undefined;
  const { data, isPending } = useGetList(
    'villages',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' }, filter: { townshipCode: township } },
    { enabled: !!township },
  );
  const choices = (data ?? []).map((v) => ({ id: v.code, name: v.name }));
  return <SelectInput source={source} choices={choices} isPending={!!township && isPending} disabled={!township} {...props} />;
}

/** The filters every region-bound list shares. */
export const regionFilters = [
  <TownshipSelect key="township" source="townshipCode" alwaysOn />,
  <VillageSelect key="village" source="villageCode" alwaysOn />,
];
