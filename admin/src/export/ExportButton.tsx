// "Export Excel" on every list: the list's current filter and sort, ALL pages
// (the provider pages through the connection 100 rows at a time), Chinese headers.
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useDataProvider, useListContext, useNotify, usePermissions, useResourceContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/index.ts';
import { can, type Viewer } from '../auth/session.ts';
import { zhApp } from '../i18n/appZh.ts';
import { exportColumns } from './columns.ts';
import { download } from './download.ts';
import { stamp, xlsxBlob } from './xlsx.ts';

export function ExportButton() {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<Viewer>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const records = await dataProvider.getAll(resource, { filter: filterValues, sort }, (loaded, all) =>
        notify('app.export.running', { messageArgs: { loaded, total: all }, autoHideDuration: 1500 }),
      );
      const name = (zhApp.resources as Record<string, { name: string }>)[resource]?.name.split(' |||| ')[0] ?? resource;
      const blob = await xlsxBlob(name, exportColumns(resource, can.revealPersonalData(permissions)), records);
      download(blob, `${name}-${stamp()}.xlsx`);
      notify('app.export.done', { type: 'success', messageArgs: { count: records.length } });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label={translate('app.export.button')} onClick={() => void run()} disabled={busy || total === 0} data-testid="export-xlsx">
      <DownloadIcon />
    </Button>
  );
}
