import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { stopRefreshing } from '../src/stop-refreshing.js';

function setup(stopBehaviour: 'prompt' | 'on-destroy' | 'never') {
  const logs: string[] = [];
  const logger = createLogger({ write: (line) => logs.push(JSON.parse(line).msg) });
  let destroyed = 0;
  let release: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (release = resolve));
  const service = { stop: () => (stopBehaviour === 'prompt' ? Promise.resolve() : stopped) };
  const dispatcher = {
    destroy: async () => {
      destroyed += 1;
      if (stopBehaviour === 'on-destroy') release();
    },
  };
  return { logs, service, dispatcher, logger, destroyed: () => destroyed };
}

describe('stopping the refresh at shutdown, within a budget', () => {
  it('a refresh that stops when aborted: nothing is cut', async () => {
    const { logs, service, dispatcher, logger, destroyed } = setup('prompt');
    expect(await stopRefreshing(service, dispatcher, { logger, budgetMs: 400 })).toEqual({ cut: false });
    expect(destroyed()).toBe(0);
    expect(logs).toEqual([]);
  });

  it('a refresh stuck connecting: outbound connections are cut halfway through the budget, then it settles', async () => {
    const { logs, service, dispatcher, logger, destroyed } = setup('on-destroy');
    const started = performance.now();
    expect(await stopRefreshing(service, dispatcher, { logger, budgetMs: 1_000 })).toEqual({ cut: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect(performance.now() - started).toBeLessThan(950);
    expect(destroyed()).toBe(1);
    expect(logs).toEqual(['the refresh in flight did not stop when aborted: cutting outbound connections']);
  });

  it('a refresh that ignores even the cut: shutdown goes on at the end of the budget', async () => {
    const { logs, service, dispatcher, logger, destroyed } = setup('never');
    const started = performance.now();
    expect(await stopRefreshing(service, dispatcher, { logger, budgetMs: 400 })).toEqual({ cut: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(destroyed()).toBe(1);
    expect(logs).toEqual([
      'the refresh in flight did not stop when aborted: cutting outbound connections',
      'the aborted refresh is still waiting on the network: shutting down without it (it writes nothing)',
    ]);
  });
});
