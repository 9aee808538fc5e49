// A loopback TCP relay to the team server that the tests can take down and bring back on the same port: the
// browsers see the server go away and come back, while its in-memory data stays.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Relay { port: number; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }

export async function startRelay(target: number, port = 0): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (p: number) => new Promise<number>((ok, fail) => {
    const s = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      sockets.add(client).add(upstream);
      const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    s.once('error', fail);
    s.listen(p, '127.0.0.1', () => { server = s; ok((s.address() as { port: number }).port); });
  });
  const bound = await listen(port);
  const down = async () => {
    const s = server;
    server = undefined;
    for (const k of sockets) k.destroy();
    sockets.clear();
    if (s) await new Promise((ok) => s.close(ok));
  };
  return { port: bound, down, up: async () => { if (!server) await listen(bound); }, close: down };
}
