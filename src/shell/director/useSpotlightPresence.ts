/**
 * Whether the alarm spotlight is showing, read from the page: the spotlight keeps its state inside
 * its own component (src/alarms), so the wall watches for its popup under `root` rather than run a
 * second spotlight queue (which would split the raised alarms between two consumers).
 */
import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';

export const SPOTLIGHT_SELECTOR = '[data-testid="alarm-popup"]';

export function useSpotlightPresence(root: Ref<HTMLElement | null>): Readonly<Ref<boolean>> {
  const showing = ref(false);
  let observer: MutationObserver | undefined;
  const check = () => (showing.value = !!root.value?.querySelector(SPOTLIGHT_SELECTOR));
  onMounted(() => {
    if (!root.value) return;
    check();
    // Child-list changes only: the popup comes and goes as an element; text updates don't matter.
    observer = new MutationObserver(check);
    observer.observe(root.value, { childList: true, subtree: true });
  });
  onBeforeUnmount(() => observer?.disconnect());
  return readonly(showing);
}
