/**
 * A platform out of reach, then reachable: an address that is first a closed port (nothing listens:
 * connection refused) or a port that accepts and never answers, and later forwards every new
 * connection to a stand-in, byte for byte.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export class TcpFront {
  private server: Server | null = null;
  private target: { host: string; port: number } | null = null;
  /** Connections held without an answer, and those forwarded. */
  private readonly sockets = new Set<Socket>();

  private constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Nothing listens on its port until `forwardTo`. */
  static async closed(): Promise<TcpFront> {
    return new TcpFront(await freePort());
  }

  /** Listens and holds every connection without a byte of answer until `forwardTo`. */
  static async silent(): Promise<TcpFront> {
    const front = new TcpFront(await freePort());
    await front.listen();
    return front;
  }

  /** Connections held so far (a client tried). */
  held = 0;

  private async listen(): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      if (!this.target) {
        this.held += 1;
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
      socket.pipe(upstream).pipe(socket);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** From now on, new connections reach `url`; connections held unanswered are dropped (the client tries again). */
  async forwardTo(url: string): Promise<void> {
    const { hostname, port } = new URL(url);
    this.target = { host: hostname, port: Number(port) };
    for (const socket of this.sockets) socket.destroy();
    if (!this.server) await this.listen();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
