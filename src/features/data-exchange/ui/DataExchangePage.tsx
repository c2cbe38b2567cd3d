import { useRef, useState } from 'react';
import { Alert, Button, Heading, Label, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import type { ImportReport } from '../data-exchange.schema.ts';

type Upload = { name: string; content: string; encoding: 'utf8' | 'base64' };

async function readUpload(file: File): Promise<Upload> {
  if (!file.name.toLowerCase().endsWith('.zip')) return { name: file.name, content: await file.text(), encoding: 'utf8' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, content: btoa(binary), encoding: 'base64' };
}

/** Import of historic data (check first, then import) and the downloads of the exports. */
export function DataExchangePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [noFiles, setNoFiles] = useState(false);

  async function send(dryRun: boolean) {
    const files = uploads.length > 0 ? uploads : await Promise.all([...(input.current?.files ?? [])].map(readUpload));
    if (files.length === 0) {
      setNoFiles(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setReport(await api.post<ImportReport>('/api/data-exchange/import', { dryRun, files }));
      // Move to the result, so keyboard and screen-reader users land on it.
      setTimeout(() => reportHeading.current?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  async function onFilesChosen(list: FileList | null) {
    setNoFiles(false);
    setReport(null);
    setUploads(await Promise.all([...(list ?? [])].map(readUpload)));
  }

  const entityLabel = (e: string) => t(`dataExchange.entity.${e}` as 'dataExchange.entity.people');

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('dataExchange.title')}
      </Heading>
      <Paragraph>{t('dataExchange.intro')}</Paragraph>

      {can('data:import') && (
        <section className="stack" aria-labelledby="dx-import">
          <Heading level={2} data-size="md" id="dx-import">
            {t('dataExchange.import.heading')}
          </Heading>
          <div className="stack" style={{ gap: 'var(--ds-size-2)' }}>
            <Label htmlFor="dx-files">{t('dataExchange.import.files')}</Label>
            <Paragraph data-size="sm" id="dx-files-help">
              {t('dataExchange.import.filesHelp')}
            </Paragraph>
            <input
              ref={input}
              id="dx-files"
              type="file"
              multiple
              accept=".csv,.json,.zip,text/csv,application/json,application/zip"
              aria-describedby={noFiles ? 'dx-files-help dx-files-error' : 'dx-files-help'}
              aria-invalid={noFiles || undefined}
              onChange={(e) => void onFilesChosen(e.target.files)}
            />
            {noFiles && (
              <Paragraph data-size="sm" id="dx-files-error" role="alert" style={{ color: 'var(--ds-color-danger-text-default)' }}>
                {t('dataExchange.import.noFiles')}
              </Paragraph>
            )}
          </div>
          <div className="row">
            <Button onClick={() => void send(true)} disabled={busy}>
              {t('dataExchange.import.check')}
            </Button>
            {report?.outcome === 'valid' && (
              <Button variant="secondary" onClick={() => setConfirming(true)} disabled={busy}>
                {t('dataExchange.import.run')}
              </Button>
            )}
          </div>
          <ConfirmDialog
            open={confirming}
            title={t('dataExchange.import.confirmTitle')}
            body={t('dataExchange.import.confirmBody')}
            confirmLabel={t('dataExchange.import.run')}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void send(false);
            }}
          />
          {error && <ErrorAlert error={error} />}
          {report && <ReportView report={report} headingRef={reportHeading} entityLabel={entityLabel} />}
        </section>
      )}

      {(can('data:export') || can('data:export:pseudonymised')) && (
        <section className="stack" aria-labelledby="dx-export">
          <Heading level={2} data-size="md" id="dx-export">
            {t('dataExchange.export.heading')}
          </Heading>
          {can('data:export') && (
            <>
              <Paragraph>{t('dataExchange.export.intro')}</Paragraph>
              <div className="row">
                <Link href="/api/data-exchange/export.zip" download>
                  {t('dataExchange.export.csv')}
                </Link>
                <Link href="/api/data-exchange/export.json" download>
                  {t('dataExchange.export.json')}
                </Link>
              </div>
            </>
          )}
          {can('data:export:pseudonymised') && (
            <>
              <Paragraph>{t('dataExchange.export.pseudonymisedIntro')}</Paragraph>
              <div>
                <Link href="/api/data-exchange/export-pseudonymised.zip" download>
                  {t('dataExchange.export.pseudonymised')}
                </Link>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function ReportView({ report, headingRef, entityLabel }: { report: ImportReport; headingRef: React.RefObject<HTMLHeadingElement | null>; entityLabel: (e: string) => string }) {
  const { t } = useI18n();
  const color = report.outcome === 'invalid' ? 'danger' : 'success';
  const summary =
    report.outcome === 'invalid'
      ? t('dataExchange.report.invalid', { count: report.errors.length })
      : report.outcome === 'valid'
        ? t('dataExchange.report.valid')
        : t('dataExchange.report.imported');
  return (
    <div className="stack" data-testid="import-report">
      <Heading level={3} data-size="sm" ref={headingRef} tabIndex={-1}>
        {t('dataExchange.report.heading')}
      </Heading>
      <Alert data-color={color} role="status">
        {summary}
      </Alert>
      <TableScroll label={t('dataExchange.report.heading')}>
        <Table zebra data-testid="import-counts">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('dataExchange.report.entity')}</Table.HeaderCell>
              <Table.HeaderCell>{t('dataExchange.report.rows')}</Table.HeaderCell>
              <Table.HeaderCell>{t('dataExchange.report.created')}</Table.HeaderCell>
              <Table.HeaderCell>{t('dataExchange.report.existing')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.entities.map((e) => (
              <Table.Row key={e.entity}>
                <Table.Cell>{entityLabel(e.entity)}</Table.Cell>
                <Table.Cell>{e.rows}</Table.Cell>
                <Table.Cell>{e.created}</Table.Cell>
                <Table.Cell>{e.existing}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {report.errors.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('dataExchange.report.errorsHeading')}
          </Heading>
          <TableScroll label={t('dataExchange.report.errorsHeading')}>
            <Table zebra data-testid="import-errors">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('dataExchange.report.file')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dataExchange.report.row')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dataExchange.report.column')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dataExchange.report.message')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {report.errors.map((e, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{e.file}</Table.Cell>
                    <Table.Cell>{e.row ?? '–'}</Table.Cell>
                    <Table.Cell>{e.column ?? '–'}</Table.Cell>
                    <Table.Cell>{e.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
