/**
 * Event → store table: the one place socket events turn into store actions. Deltas are sequenced
 * (a gap asks for a fresh snapshot) and batched per burst of messages before they reach the store.
 */
import { unpackCatalog } from '@/protocol/catalogPacking';
import type { WireDelta, WireSnapshot } from '@/protocol/events';
import { markReceived } from '@/shared/benchTiming';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { FrameBatcher } from './frameBatcher';
import { FrameSequencer } from './frameSequencer';
import type { CitySocket } from './socket';

export function bindRealtime(socket: CitySocket): () => void {
  const connection = useConnectionStore();
  const live = useLiveStore();
  const cityEvents = useCityEventsStore();
  const sequencer = new FrameSequencer();

  const batcher = new FrameBatcher<WireDelta>({
    flush: (deltas) => {
      try {
        live.applyDeltas(deltas, Date.now());
        cityEvents.apply(deltas.flatMap((d) => d.events));
      } catch (err) {
        console.error('cityops: could not apply a live frame; resyncing', err);
        requestSnapshot();
      }
    },
  });

  function takeSnapshot(snapshot: WireSnapshot) {
    batcher.clear();
    if (live.applySnapshot(snapshot, Date.now())) {
      cityEvents.replace(snapshot.events);
      sequencer.reset(snapshot.seq);
      connection.setTickMs(snapshot.tickMs);
      connection.frameArrived(Date.now());
    } else {
      // Catalogue changed under us (server restarted with another seed): reconnect to get both anew.
      socket.disconnect().connect();
    }
  }

  function requestSnapshot() {
    sequencer.invalidate();
    batcher.clear();
    socket.emit('readings:resync', { lastSeq: sequencer.last ?? undefined }, (result) => {
      if (result.ok) takeSnapshot(result.data);
      else console.error(`cityops: resync refused: ${result.error.message}`);
    });
  }

  socket.on('connect', () => connection.setConnected(true));
  socket.on('disconnect', () => {
    connection.setConnected(false);
    sequencer.invalidate();
    batcher.clear();
  });
  socket.on('city:catalog', (catalog) => live.setCatalog(unpackCatalog(catalog)));
  socket.on('readings:snapshot', takeSnapshot);
  socket.on('readings:delta', (delta) => {
    markReceived(delta.seq, delta.sentAt);
    const verdict = sequencer.verdict(delta.seq, delta.baseSeq);
    if (verdict === 'apply') {
      connection.frameArrived(Date.now());
      batcher.push(delta);
    } else if (verdict === 'gap') {
      requestSnapshot();
    }
  });
  socket.on('server:error', (error) => console.warn(`cityops: server refused ${error.event}: ${error.message}`));

  return () => {
    socket.removeAllListeners();
    socket.disconnect();
  };
}
