/** Letterboxed fit of the 3840×2160 design into any window. */
export const DESIGN_WIDTH = 3840;
export const DESIGN_HEIGHT = 2160;

export interface StageFit {
  scale: number;
  left: number;
  top: number;
}

export function fitStage(viewWidth: number, viewHeight: number, width = DESIGN_WIDTH, height = DESIGN_HEIGHT): StageFit {
  const scale = Math.min(viewWidth / width, viewHeight / height);
  return { scale, left: (viewWidth - width * scale) / 2, top: (viewHeight - height * scale) / 2 };
}
