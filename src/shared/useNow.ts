/**
 * One shared 1 Hz clock for every age and countdown on screen, so a wall full of "3 s ago" labels
 * costs one timer, not one per label.
 */
import { readonly, ref, type Ref } from 'vue';

const now = ref(Date.now());
let timer: ReturnType<typeof setInterval> | undefined;

export function useNow(): Readonly<Ref<number>> {
  if (!timer) timer = setInterval(() => (now.value = Date.now()), 1000);
  return readonly(now);
}
