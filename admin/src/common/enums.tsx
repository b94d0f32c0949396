// Enum values shown and chosen by their translated labels (enums.<Type>.<VALUE>).
import { Chip, Stack } from '@mui/material';
import { SelectArrayInput, SelectInput, useRecordContext, useTranslate, type SelectInputProps } from 'react-admin';
import { enumValues, type EnumName } from '../i18n/enums.ts';

export const useEnumChoices = (name: EnumName) => {
  const translate = useTranslate();
  return enumValues(name).map((id) => ({ id, name: translate(`enums.${name}.${id}`, { _: id }) }));
};

interface EnumFieldProps {
  source: string;
  enumName: EnumName;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** One value as its label, or a list of values as chips. */
export function EnumField({ source, enumName }: EnumFieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value == null || value === '') return null;
  const label = (v: string) => translate(`enums.${enumName}.${v}`, { _: v });
  if (Array.isArray(value)) {
    return (
      <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
        {value.map((v: string) => (
          <Chip key={v} size="small" label={label(v)} />
        ))}
      </Stack>
    );
  }
  return <span>{label(String(value))}</span>;
}

export function EnumInput({ enumName, ...props }: Omit<SelectInputProps, 'choices'> & { enumName: EnumName; source: string }) {
  return <SelectInput {...props} choices={useEnumChoices(enumName)} />;
}

export function EnumArrayInput({ enumName, ...props }: { enumName: EnumName; source: string; label?: string }) {
  return <SelectArrayInput {...props} choices={useEnumChoices(enumName)} />;
}
