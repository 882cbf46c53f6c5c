/**
 * Open incidents: discs coloured and sized by priority (1 most urgent). Incidents nobody has been
 * sent to yet ('new') carry a thick white ring; those being handled a thin dark one. P1/P2 also get
 * a pulse ring whose scale the map animates through the `pulse` prop alone, so an animation frame
 * re-renders this small composite and nothing else.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { packIncidents, type IncidentArrays } from '../incidentCache';
import { defineLayer } from './layerSpec';

export const INCIDENT_LAYER_ID = 'incidents';

/** Binary data of the two sublayers; the pulse rings are the P1/P2 subset of the markers. */
function layerData(a: IncidentArrays) {
  const n = a.urgent.length;
  const positions = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const radius = new Float32Array(n);
  a.urgent.forEach((j, i) => {
    positions.set(a.positions.subarray(j * 2, j * 2 + 2), i * 2);
    colors.set(a.fill.subarray(j * 4, j * 4 + 4), i * 4);
    radius[i] = a.radius[j];
  });
  return {
    pulse: {
      length: n,
      attributes: {
        getPosition: { value: positions, size: 2 },
        getLineColor: { value: colors, size: 4, normalized: true },
        getRadius: { value: radius, size: 1 },
      },
    },
    markers: {
      length: a.ids.length,
      attributes: {
        getPosition: { value: a.positions, size: 2 },
        getFillColor: { value: a.fill, size: 4, normalized: true },
        getLineColor: { value: a.outline, size: 4, normalized: true },
        getRadius: { value: a.radius, size: 1 },
        getLineWidth: { value: a.outlineWidth, size: 1 },
      },
    },
  };
}

type PulseData = ReturnType<typeof layerData>['pulse'];

function samePulse(a: PulseData, b: PulseData): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => v === y[i]);
  return a.length === b.length && (['getPosition', 'getLineColor', 'getRadius'] as const).every((k) => same(a.attributes[k].value, b.attributes[k].value));
}

interface IncidentProps {
  incidents: IncidentArrays;
  /** Pulse phase 0–1 (0 at rest). */
  pulse: number;
  uiScale: number;
}

const EMPTY = packIncidents([]);

export class IncidentLayer extends CompositeLayer<IncidentProps & CompositeLayerProps> {
  static layerName = 'IncidentLayer';
  static defaultProps: DefaultProps<IncidentProps> = {
    incidents: { type: 'object', value: EMPTY, compare: false },
    pulse: 0,
    uiScale: 1,
  };

  declare state: { data: ReturnType<typeof layerData>; source: IncidentArrays | null };

  initializeState() {
    this.state = { data: layerData(EMPTY), source: null };
  }

  updateState() {
    if (this.state.source === this.props.incidents) return;
    const data = layerData(this.props.incidents);
    // Most changes to the incidents (a dispatch, a new P3) leave the P1/P2 rings as they were: keeping
    // their data object then leaves the pulse sublayer with nothing to update.
    if (samePulse(data.pulse, this.state.data.pulse)) data.pulse = this.state.data.pulse;
    this.setState({ data, source: this.props.incidents });
  }

  renderLayers() {
    const { pulse, uiScale } = this.props;
    const { data } = this.state;
    // Radii are design pixels at the 3840-wide layout.
    const scale = Math.max(0.5, uiScale);
    return [
      new ScatterplotLayer({
        ...this.getSubLayerProps({ id: 'pulse' }),
        data: data.pulse,
        radiusUnits: 'pixels',
        radiusScale: scale * (1.2 + 1.6 * pulse),
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: Math.max(2, 5 * uiScale),
        opacity: 0.1 + 0.9 * (1 - pulse),
        pickable: false,
      }),
      new ScatterplotLayer({
        ...this.getSubLayerProps({ id: 'markers' }),
        data: data.markers,
        radiusUnits: 'pixels',
        radiusScale: scale,
        stroked: true,
        lineWidthUnits: 'pixels',
        lineWidthScale: scale,
        lineWidthMinPixels: 1,
        pickable: true,
      }),
    ];
  }
}

export interface IncidentLayerInput {
  incidents: IncidentArrays;
  pulse: number;
  visible: boolean;
  uiScale: number;
}

export function buildIncidentLayer({ incidents, pulse, visible, uiScale }: IncidentLayerInput): IncidentLayer {
  return new IncidentLayer({ id: INCIDENT_LAYER_ID, incidents, pulse, visible, uiScale, pickable: true });
}

/** Incidents from the shared cache (packed once per change of the collection); the pulse phase redraws them alone. */
export const INCIDENT_LAYER = defineLayer({
  id: INCIDENT_LAYER_ID,
  kind: null,
  channels: [],
  prepare: (env) => env.incidents,
  key: (cache, f, on) => (on ? `1|${cache.version}|${f.pulse.toFixed(3)}|${f.uiScale}` : '0'),
  build: (cache, f, on) => buildIncidentLayer({ incidents: cache.arrays, pulse: f.pulse, visible: on, uiScale: f.uiScale }),
  pick(cache, index) {
    const id = cache.arrays.ids[index];
    return id === undefined ? null : { type: 'incident', id };
  },
  count: (cache) => cache.arrays.ids.length,
});
