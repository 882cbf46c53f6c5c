/**
 * Fetches the server's muck truck tracks once per catalogue (`GET /api/tracks/muckTruck`), so a wall
 * screen that opens draws them at once rather than growing them from the frames. A failed fetch only
 * means the tracks grow from the frames, as they would anyway.
 */
import type { TrackPaths } from '@/domain/trackRing';

interface TracksBody {
  catalogVersion: string;
  starts: string;
  coords: string;
}

const isTracksBody = (b: unknown): b is TracksBody =>
  !!b && typeof (b as TracksBody).catalogVersion === 'string' && typeof (b as TracksBody).starts === 'string' && typeof (b as TracksBody).coords === 'string';

function bytesOf(base64: string): ArrayBuffer {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out.buffer;
}

/** The tracks and the catalogue they belong to, or null (no answer, or not the shape). */
export async function loadTruckTracks(fetchImpl: typeof fetch): Promise<{ catalogVersion: string; paths: TrackPaths } | null> {
  try {
    const res = await fetchImpl('/api/tracks/muckTruck', { headers: { accept: 'application/json' } });
    const body: unknown = res.ok ? await res.json() : null;
    if (!isTracksBody(body)) return null;
    return { catalogVersion: body.catalogVersion, paths: { starts: new Uint32Array(bytesOf(body.starts)), coords: new Float32Array(bytesOf(body.coords)) } };
  } catch {
    return null;
  }
}
