/**
 * The basemap style from the server's runtime configuration (`CITYOPS_MAP_STYLE_URL`), loaded once
 * per page that shows a map; the map waits for it so it never starts on the wrong style.
 */
import { onMounted, ref } from 'vue';

export function useMapStyleUrl() {
  const styleUrl = ref<string | null>(null);
  const configLoaded = ref(false);
  onMounted(async () => {
    try {
      const res = await fetch('/api/config');
      if (res.ok) styleUrl.value = ((await res.json()) as { mapStyleUrl: string | null }).mapStyleUrl;
    } catch {
      // The embedded basemap needs no configuration; carry on without it.
    }
    configLoaded.value = true;
  });
  return { styleUrl, configLoaded };
}
