/**
 * The basemap style from the server's runtime configuration (`CITYOPS_MAP_STYLE_URL`); the map waits
 * for it so it never starts on the wrong style.
 */
import { onMounted, ref } from 'vue';
import { loadRuntimeConfig } from '@/shared/runtimeConfig';

export function useMapStyleUrl() {
  const styleUrl = ref<string | null>(null);
  const configLoaded = ref(false);
  onMounted(async () => {
    // No answer: the embedded basemap needs no configuration.
    styleUrl.value = (await loadRuntimeConfig())?.mapStyleUrl ?? null;
    configLoaded.value = true;
  });
  return { styleUrl, configLoaded };
}
