import { Agent, request } from 'undici';

/**
 * HTTP clients on distinct loopback addresses (127.0.0.2, 127.0.0.3, …): to the server each is another
 * client address, as separate machines would be, so per-client limits can be tested on one host.
 */
export class LoopbackClient {
  private readonly agent: Agent;

  constructor(readonly address: string) {
    this.agent = new Agent({ localAddress: address });
  }

  async post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
    const response = await request(`${base}/graphql`, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, json: text ? JSON.parse(text) : {} };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
