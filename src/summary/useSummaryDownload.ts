/**
 * The report's CSV and PDF exports: fetched with the token (summaryApi), then saved by the browser.
 * One export at a time; a failure is kept as its message for the page to show.
 */
import { ref, type Ref } from 'vue';
import { DATE_PATTERN } from '@/protocol/summary';
import { saveBlob } from '@/shared/saveBlob';
import type { ExportFormat, SummaryApi } from './summaryApi';

export interface SummaryDownload {
  /** The export being prepared, or null. */
  downloading: Ref<ExportFormat | null>;
  /** Why the last export failed, or null. */
  failure: Ref<string | null>;
  download(format: ExportFormat): Promise<void>;
}

export interface SummaryDownloadDeps {
  api: Pick<SummaryApi, 'download'>;
  date: Readonly<Ref<string | null>>;
  /** The page's language: the PDF is rendered in it. */
  lang: Readonly<Ref<string>>;
  /** Injected in tests; the browser's download by default. */
  save?: (blob: Blob, filename: string) => void;
}

export const exportFilename = (date: string, format: ExportFormat): string => (format === 'evaluationCsv' ? `cityops-evaluation-${date}.csv` : `cityops-summary-${date}.${format}`);

export function useSummaryDownload({ api, date, lang, save = saveBlob }: SummaryDownloadDeps): SummaryDownload {
  const downloading = ref<ExportFormat | null>(null);
  const failure = ref<string | null>(null);

  async function download(format: ExportFormat): Promise<void> {
    const day = date.value;
    if (!day || !DATE_PATTERN.test(day) || downloading.value !== null) return;
    downloading.value = format;
    failure.value = null;
    try {
      save(await api.download(day, format, lang.value), exportFilename(day, format));
    } catch (err) {
      failure.value = err instanceof Error ? err.message : String(err);
    } finally {
      downloading.value = null;
    }
  }

  return { downloading, failure, download };
}
