/**
 * The `alarm:ack` socket command: the same acknowledgement as `POST /api/alarms/:id/ack`, for a screen
 * that holds a socket. socketAuth.ts has already checked the role (`acknowledgeAlarms`); the payload
 * is parsed by its schema in validatedHandler, which answers the stored record or the refusal on the ack.
 */
import type { Server } from 'socket.io';
import { CLIENT_EVENT_SCHEMAS, type ClientToServerEvents, type ServerToClientEvents } from '../../src/protocol/events';
import { principalOf } from '../auth/socketAuth';
import { DomainError } from '../domainError';
import { validatedHandler, type CitySocket } from '../realtime/validatedHandler';
import type { AlarmService } from './alarmService';

interface Logger {
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** `alarms` gives the service in force at each command: a registry change rebuilds it with the city (runtime/cityHolder.ts). */
export function attachAlarmCommands(io: Server<ClientToServerEvents, ServerToClientEvents>, alarms: () => AlarmService, log: Logger): void {
  io.on('connection', (socket: CitySocket) => {
    socket.on(
      'alarm:ack',
      validatedHandler(socket, 'alarm:ack', CLIENT_EVENT_SCHEMAS['alarm:ack'], ({ id, note }) => {
        const principal = principalOf(socket);
        if (!principal) throw new DomainError('UNAUTHORIZED', 'sign in first');
        return alarms().acknowledge(id, principal, note);
      }, log),
    );
  });
}
