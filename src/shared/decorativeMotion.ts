/**
 * Decorative motion — the live indicator's pulsing dot — stops where the viewer prefers reduced
 * motion (or the URL says `?motion=0`) and where the screen draws too slowly to animate (the map's
 * render-cost gate). A pulse that never ends makes the compositor draw the whole page every frame:
 * nothing on a wall with a graphics card, but on a software-rendered or weak-GPU wall that is most of
 * its drawing time, and the map's live frames wait behind it. CSS reads `data-motion` on <html>.
 */
export function holdDecorativeMotion(doc: Document = document): void {
  doc.documentElement.dataset.motion = 'still';
}
