import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import type { ExportFormat } from '@/summary/summaryApi';
import { exportFilename, useSummaryDownload } from '@/summary/useSummaryDownload';

describe('useSummaryDownload', () => {
  it('fetches the export in the page’s language and saves it under the day’s name', async () => {
    const asked: [string, ExportFormat, string | undefined][] = [];
    const saved: [string, string][] = [];
    let release!: (b: Blob) => void;
    const d = useSummaryDownload({
      api: {
        download: (date, format, lang) => {
          asked.push([date, format, lang]);
          return new Promise<Blob>((resolve) => (release = resolve));
        },
      },
      date: ref('2026-07-15'),
      lang: ref('en'),
      save: (blob, name) => void blob.text().then((text) => saved.push([name, text])),
    });
    const done = d.download('pdf');
    expect(d.downloading.value).toBe('pdf');
    // One export at a time.
    await d.download('csv');
    expect(asked).toEqual([['2026-07-15', 'pdf', 'en']]);
    release(new Blob(['%PDF']));
    await done;
    await flushPromises();
    expect(d.downloading.value).toBeNull();
    expect(saved).toEqual([['cityops-summary-2026-07-15.pdf', '%PDF']]);
    expect(exportFilename('2026-07-15', 'csv')).toBe('cityops-summary-2026-07-15.csv');
    expect(exportFilename('2026-07-15', 'evaluationCsv')).toBe('cityops-evaluation-2026-07-15.csv');
  });

  it('keeps why an export failed, and asks nothing for a date that is not one', async () => {
    let asked = 0;
    const date = ref<string | null>('2026-13-45x');
    const d = useSummaryDownload({
      api: {
        download: async () => {
          asked++;
          throw new Error('HTTP 503');
        },
      },
      date,
      lang: ref('zh-CN'),
      save: () => {
        throw new Error('not reached');
      },
    });
    await d.download('csv');
    expect(asked).toBe(0);
    date.value = '2026-07-15';
    await d.download('csv');
    expect([asked, d.failure.value, d.downloading.value]).toEqual([1, 'HTTP 503', null]);
  });
});
