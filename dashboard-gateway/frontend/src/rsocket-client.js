// The dashboard's RSocket client: setup with a token, routed JSON requests (Spring's
// composite metadata with message/x.rsocket.routing.v0), request-n flow control.
import {
  RSocketClient,
  BufferEncoders,
  encodeCompositeMetadata,
  encodeRoute,
  MESSAGE_RSOCKET_COMPOSITE_METADATA,
  MESSAGE_RSOCKET_ROUTING,
} from 'rsocket-core';
import { LiteBuffer } from 'rsocket-core/build/LiteBuffer';
import RSocketWebSocketClient from 'rsocket-websocket-client';

const json = (value) => LiteBuffer.from(JSON.stringify(value), 'utf8');
const parse = (payload) => JSON.parse(payload.data.toString('utf8'));
const route = (name) => encodeCompositeMetadata([[MESSAGE_RSOCKET_ROUTING, encodeRoute(name)]]);

// Resolves to {query, drilldown, list, subscribe, close}; onClose(error) is called when the connection ends.
export function connect(url, token, onClose) {
  const client = new RSocketClient({
    setup: {
      keepAlive: 20000,
      lifetime: 60000,
      dataMimeType: 'application/json',
      metadataMimeType: MESSAGE_RSOCKET_COMPOSITE_METADATA.string,
      payload: { data: json({ token }) },
    },
    transport: new RSocketWebSocketClient({ url }, BufferEncoders),
  });
  return new Promise((resolve, reject) => {
    client.connect().subscribe({
      onComplete: (socket) => {
        socket.connectionStatus().subscribe({
          onSubscribe: (subscription) => subscription.request(2147483647),
          onNext: (status) => {
            if (status.kind === 'CLOSED' || status.kind === 'ERROR') {
              onClose && onClose(status.error);
            }
          },
        });
        resolve({
          query: (metric, params) => new Promise((done, fail) => {
            socket.requestResponse({ data: json({ metric, params }), metadata: route('metrics.query') }).subscribe({
              onComplete: (payload) => done(parse(payload)),
              onError: fail,
            });
          }),
          // the raw events behind one bucket of a metric: {sql, columns, types, rows}
          drilldown: (metric, params, bucket, page, size) => new Promise((done, fail) => {
            socket.requestResponse({
              data: json({ metric, params, bucket, page, size }),
              metadata: route('metrics.drilldown'),
            }).subscribe({ onComplete: (payload) => done(parse(payload)), onError: fail });
          }),
          list: () => new Promise((done, fail) => {
            const found = [];
            socket.requestStream({ data: json({}), metadata: route('metrics.list') }).subscribe({
              onSubscribe: (s) => s.request(2147483647),
              onNext: (payload) => found.push(parse(payload)),
              onError: fail,
              onComplete: () => done(found),
            });
          }),
          // handlers: {onNext(update), onError(error), onComplete()}; returns a cancel function.
          // Asks for `window` messages, then one more per message handled: the server
          // conflates what a slow page does not ask for.
          subscribe: (metric, params, handlers, window = 4) => {
            let subscription;
            socket.requestStream({ data: json({ metric, params }), metadata: route('metrics.subscribe') }).subscribe({
              onSubscribe: (s) => { subscription = s; s.request(window); },
              onNext: (payload) => { handlers.onNext(parse(payload)); subscription.request(1); },
              onError: (error) => handlers.onError && handlers.onError(error),
              onComplete: () => handlers.onComplete && handlers.onComplete(),
            });
            return () => subscription && subscription.cancel();
          },
          close: () => client.close(),
        });
      },
      onError: reject,
    });
  });
}
