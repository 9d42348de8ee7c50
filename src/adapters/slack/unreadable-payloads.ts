// What Slack delivers in a shape Bolt cannot read is logged with its ids and dropped; the bot
// keeps serving. Two shapes ended the process before (an HTTP request whose payload is JSON null,
// a Socket Mode events_api envelope without its event): Bolt reads them in code nothing awaits.
// The others Bolt caught, but logged without saying which request it dropped, and answered so
// that Slack sent the same unreadable payload again.
import { HTTPModuleFunctions, verifySlackRequest, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../core/logger.js';

type Json = Record<string, unknown>;
const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Json)[key] : undefined);

/** What names a payload in the log, read without trusting its shape. */
export function payloadIds(payload: unknown): Json {
  if (typeof payload !== 'object' || payload === null) return { payload: payload === null ? 'null' : typeof payload };
  const ids: Json = {
    type: field(payload, 'type'),
    command: field(payload, 'command'),
    triggerId: field(payload, 'trigger_id'),
    team: field(payload, 'team_id') ?? field(field(payload, 'team'), 'id'),
    user: field(payload, 'user_id') ?? field(field(payload, 'user'), 'id'),
    view: field(field(payload, 'view'), 'id'),
  };
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined));
}

/** The payload of a request Bolt has buffered, if it can be read at all. */
function requestPayload(request: IncomingMessage): unknown {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody(request as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
  } catch {
    return undefined;
  }
}

/** A signed request whose payload is not an object: Bolt would crash reading it. */
function signedNonObject(request: IncomingMessage & { rawBody: Buffer }, signingSecret: string): boolean {
  const payload = requestPayload(request);
  if (typeof payload === 'object' && payload !== null) return false;
  try {
    const timestamp = Number(request.headers['x-slack-request-timestamp']);
    verifySlackRequest({ signingSecret, body: request.rawBody.toString(), headers: { 'x-slack-signature': String(request.headers['x-slack-signature']), 'x-slack-request-timestamp': timestamp } });
    return true;
  } catch {
    return false; // unsigned: Bolt refuses it with a 401, as any other
  }
}

/** HTTP: requests to the events path are read before Bolt, and one it would crash on is answered 400. */
export function guardHttpRequests(receiver: HTTPReceiver, eventsPath: string, signingSecret: string, logger: Logger): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url?.split('?')[0] !== eventsPath) return bolt(request, response);
    HTTPModuleFunctions.bufferIncomingMessage(request, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        if (!signedNonObject(buffered, signingSecret)) return bolt(buffered, response);
        logger.warn({ payload: buffered.rawBody.toString().slice(0, 200) }, 'slack: dropped a request whose payload is not an object');
        HTTPModuleFunctions.buildNoBodyResponse(response, 400);
      },
      (error: unknown) => {
        logger.warn({ err: error }, 'slack: could not read a request');
        HTTPModuleFunctions.buildNoBodyResponse(response, HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413 ? 413 : 400);
      },
    ).catch((error: unknown) => {
      logger.error({ err: error }, 'slack: a request failed before Bolt read it');
      if (!response.headersSent) HTTPModuleFunctions.buildNoBodyResponse(response, 500);
    });
  };
}

/** HTTP: Bolt failed to read a payload (no user, no view…): logged, and acknowledged so Slack does not send it again. */
export function dropUnreadableRequest(logger: Logger) {
  return async ({ error, request, response }: { error: Error; request: IncomingMessage; response: ServerResponse }): Promise<boolean> => {
    logger.error({ err: error, ...payloadIds(requestPayload(request)) }, 'slack: dropped a request it could not read');
    if (response.headersSent) return false;
    HTTPModuleFunctions.buildNoBodyResponse(response, 200);
    return true;
  };
}

/** HTTP: no listener acknowledged the request (Bolt found no type or no listener for it). */
export function reportUnanswered(logger: Logger) {
  return ({ request, response }: { request: IncomingMessage; response: ServerResponse }): void => {
    logger.warn(payloadIds(requestPayload(request)), 'slack: dropped a request nothing answered');
    if (!response.headersSent) HTTPModuleFunctions.buildNoBodyResponse(response, 404);
  };
}

/** Socket Mode: the envelope's id, for the event Bolt builds from it. */
export const envelopeIdOf = (args: { envelope_id?: unknown }) => ({ envelopeId: args.envelope_id });

/** Socket Mode: Bolt failed to read an event: logged with its envelope and acknowledged. */
export function dropUnreadableEvent(logger: Logger) {
  return async ({ error, event }: { error: Error; event: { body: unknown; customProperties?: Json } }): Promise<boolean> => {
    logger.error({ err: error, envelopeId: event.customProperties?.envelopeId, ...payloadIds(event.body) }, 'slack: dropped an event it could not read');
    return true;
  };
}

/** The socket client's own handler of each WebSocket message (protected in its typings). */
interface SocketMessages {
  onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void>;
  removeAllListeners(event: string): unknown;
  on(event: string, listener: (data: string | ArrayBuffer, isBinary: boolean) => void): unknown;
  send(envelopeId: string, body?: object): Promise<void>;
}

/** Socket Mode: a message the socket client throws on is logged, acknowledged and dropped. */
export function guardSocketMessages(receiver: SocketModeReceiver, logger: Logger): void {
  const client = receiver.client as unknown as SocketMessages;
  if (typeof client.onWebSocketMessage !== 'function') {
    throw new Error('@slack/socket-mode has no onWebSocketMessage to guard: check src/adapters/slack/unreadable-payloads.ts against this version');
  }
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data, isBinary) => {
    client.onWebSocketMessage(data, isBinary).catch((error: unknown) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
      } catch {
        envelope = undefined;
      }
      const envelopeId = field(envelope, 'envelope_id');
      logger.error({ err: error, envelopeId, envelopeType: field(envelope, 'type'), ...payloadIds(field(envelope, 'payload')) }, 'slack: dropped a Socket Mode message it could not read');
      if (typeof envelopeId === 'string') client.send(envelopeId).catch(() => undefined);
    });
  });
}
