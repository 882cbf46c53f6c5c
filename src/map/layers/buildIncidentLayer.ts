/**
 * Open incidents: discs coloured and sized by priority (1 most urgent). Incidents nobody has been
 * sent to yet ('new') carry a thick white ring; those being handled a thin dark one. P1/P2 also get
 * a pulse ring whose scale the map animates through the `pulse` prop alone, so an animation frame
 * re-renders this small composite and nothing else.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { OPEN_STATUSES, type Incident } from '@/protocol/cityEvents';
import { INCIDENT_HANDLED_OUTLINE, INCIDENT_NEW_OUTLINE, PRIORITY_COLORS, PRIORITY_RADIUS } from '../mapPalette';

export const INCIDENT_LAYER_ID = 'incidents';

/** Incidents packed into typed arrays, least urgent first so the most urgent draw on top. */
export interface IncidentArrays {
  ids: string[];
  positions: Float32Array;
  fill: Uint8Array;
  outline: Uint8Array;
  /** Design pixels. */
  radius: Float32Array;
  outlineWidth: Float32Array;
  /** Indices (into the arrays above) of P1/P2 incidents. */
  urgent: Uint32Array;
}

export function packIncidents(incidents: Iterable<Incident>): IncidentArrays {
  const list = [...incidents].filter((i) => OPEN_STATUSES.includes(i.status)).sort((a, b) => b.priority - a.priority || a.createdAt - b.createdAt);
  const n = list.length;
  const out: IncidentArrays = {
    ids: list.map((i) => i.id),
    positions: new Float32Array(n * 2),
    fill: new Uint8Array(n * 4),
    outline: new Uint8Array(n * 4),
    radius: new Float32Array(n),
    outlineWidth: new Float32Array(n),
    urgent: Uint32Array.from(list.flatMap((inc, i) => (inc.priority <= 2 ? [i] : []))),
  };
  list.forEach((inc, i) => {
    out.positions[i * 2] = inc.lon;
    out.positions[i * 2 + 1] = inc.lat;
    out.fill.set([...PRIORITY_COLORS[inc.priority], 235], i * 4);
    const fresh = inc.status === 'new';
    out.outline.set([...(fresh ? INCIDENT_NEW_OUTLINE : INCIDENT_HANDLED_OUTLINE), 255], i * 4);
    out.radius[i] = PRIORITY_RADIUS[inc.priority];
    out.outlineWidth[i] = fresh ? 5 : 2;
  });
  return out;
}

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
    if (this.state.source !== this.props.incidents) this.setState({ data: layerData(this.props.incidents), source: this.props.incidents });
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
