/** Drainage pump stations: discs with a drop, coloured by state (standby, running, fault, offline). */
import { writePumpColors } from '../liveColors';
import { iconPoints } from './layerSpec';

export const PUMP_LAYER = iconPoints({
  id: 'pumps',
  kind: 'pumpStation',
  channels: ['pump.state'],
  icon: 'pump',
  sizePx: 16,
  minPx: 8,
  clustered: true,
  paint: (_state, f, out, env) => writePumpColors(f.channels['pump.state'], out, env.clusters.mask('pumpStation')),
});
