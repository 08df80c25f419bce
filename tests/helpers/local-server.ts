/** A stand-in's HTTP server on a free localhost port: started, and stopped with its open connections. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export class LocalServer {
  url = '';
  private server: Server | null = null;

  async start(serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<string> {
    this.server = createServer((req, res) => void serve(req, res));
    // An idle connection the stand-in closes just as the bot reuses it is a network fault on a busy machine (the answer
    // then goes through the outbox): keep idle connections longer than any test lasts.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
