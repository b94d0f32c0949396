// The shared shape of lists, edits and creates: pessimistic saves (so a
// CONFLICT is seen before leaving the form), the conflict-aware error handler,
// Excel export instead of react-admin's CSV exporter, and create buttons only
// for roles that may write.
import type { ReactElement, ReactNode } from 'react';
import {
  Create,
  CreateButton,
  DeleteButton,
  Edit,
  FilterButton,
  List,
  SimpleForm,
  TopToolbar,
  Toolbar,
  SaveButton,
  type CreateProps,
  type EditProps,
  type ListProps,
} from 'react-admin';
import { ExportButton } from '../export/ExportButton.tsx';
import { useSaveErrorHandler } from './conflict.tsx';

export function ListActions({ canCreate, hasFilters = true }: { canCreate?: boolean; hasFilters?: boolean }) {
  return (
    <TopToolbar>
      {hasFilters && <FilterButton />}
      {canCreate && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
}

export function AppList({ canCreate, filters, children, ...props }: ListProps & { canCreate?: boolean; filters?: ReactElement[] }) {
  return (
    <List
      exporter={false}
      perPage={25}
      filters={filters}
      actions={<ListActions canCreate={canCreate} hasFilters={!!filters?.length} />}
      {...props}
    >
      {children}
    </List>
  );
}

export function AppEdit({ children, ...props }: EditProps & { children: ReactNode }) {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" {...props}>
      {children}
    </Edit>
  );
}

export function AppCreate({ children, ...props }: CreateProps & { children: ReactNode }) {
  const onError = useSaveErrorHandler();
  return (
    <Create mutationOptions={{ onError }} redirect="show" {...props}>
      {children}
    </Create>
  );
}

export function AppDeleteButton() {
  const onError = useSaveErrorHandler();
  return <DeleteButton mutationMode="pessimistic" mutationOptions={{ onError }} />;
}

/** Save, and delete when allowed; validation runs as you type (mode onChange). */
export function AppForm({ children, canDelete, ...props }: { children: ReactNode; canDelete?: boolean; defaultValues?: object }) {
  return (
    <SimpleForm
      mode="onChange"
      reValidateMode="onChange"
      toolbar={
        <Toolbar sx={{ justifyContent: 'space-between' }}>
          <SaveButton />
          {canDelete && <AppDeleteButton />}
        </Toolbar>
      }
      {...props}
    >
      {children}
    </SimpleForm>
  );
}
