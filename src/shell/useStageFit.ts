import { onBeforeUnmount, onMounted, ref } from 'vue';
import { fitStage, type StageFit } from './fitStage';

/** The stage fit for the current window, updated on resize. */
export function useStageFit() {
  const fit = ref<StageFit>(fitStage(window.innerWidth, window.innerHeight));
  const update = () => (fit.value = fitStage(window.innerWidth, window.innerHeight));
  onMounted(() => window.addEventListener('resize', update));
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return fit;
}
