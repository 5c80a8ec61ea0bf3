import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { runInRequestContext } from '../src/observability/request-context.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('the pino-backed logger', () => {
  it('writes one JSON object per line: level label, ISO time, message, then the fields; below the level nothing', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line), now: () => NOW });
    logger.debug('not written');
    logger.info('catalogue refreshed', { trigger: 'timer', configs: 228 });
    logger.warn('plain');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: 'info', time: '2026-11-25T12:00:00.000Z', trigger: 'timer', configs: 228, msg: 'catalogue refreshed' },
      { level: 'warn', time: '2026-11-25T12:00:00.000Z', msg: 'plain' },
    ]);
  });

  it('serializes an Error under `error` with its name, message and stack', () => {
    const lines: string[] = [];
    createLogger({ write: (line) => lines.push(line) }).error('boom', { error: new TypeError('bad thing') });
    expect(JSON.parse(lines[0]!).error).toMatchObject({ type: 'TypeError', message: 'bad thing', stack: expect.stringContaining('TypeError: bad thing') });
  });

  it('censors credential fields by name, and registered secret values anywhere, as written or JSON-escaped', () => {
    const lines: string[] = [];
    const secret = 'tok"en-with-quote-0123456789';
    const logger = createLogger({ write: (line) => lines.push(line), secrets: [secret, null, undefined, 'abc'] });
    logger.info('fields', { authorization: 'Bearer x', token: 'y', headers: { authorization: 'Bearer z', accept: 'json' } });
    logger.info(`message with ${secret}`, { nested: { deep: [`value ${secret}`] } });
    expect(JSON.parse(lines[0]!)).toMatchObject({ authorization: '[redacted]', token: '[redacted]', headers: { authorization: '[redacted]', accept: 'json' } });
    expect(lines[1]).not.toContain('0123456789');
    expect(JSON.parse(lines[1]!)).toMatchObject({ msg: 'message with [redacted]', nested: { deep: ['value [redacted]'] } });
  });

  it('lines logged while a request is served carry its request id', async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    await runInRequestContext({ requestId: 'req-1', startedAt: 0 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('inside');
    });
    logger.info('outside');
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(['req-1', undefined]);
  });
});

describe('lines written to stderr in batches', () => {
  const run = async (script: string): Promise<string> => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { createLogger } from ${JSON.stringify(new URL('../src/logger.ts', import.meta.url).pathname)}; const logger = createLogger(); ${script}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await new Promise((resolve) => child.once('close', resolve));
    return stderr;
  };
  const messages = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { msg: string }).msg);

  it('writes what is pending when the process exits, process.exit() included', async () => {
    expect(messages(await run("logger.info('one'); logger.info('two'); process.exit(3);"))).toEqual(['one', 'two']);
  });

  it('writes a warning at once, with the lines before it, even if the process is killed right after', async () => {
    expect(messages(await run("logger.info('before'); logger.warn('the warning'); logger.info('lost'); process.kill(process.pid, 'SIGKILL');"))).toEqual(['before', 'the warning']);
  });

  it('writes the lines of one turn of the event loop together, in order, by the next turn', async () => {
    const stderr = await run("for (let i = 0; i < 500; i += 1) logger.info('line ' + i); setImmediate(() => setImmediate(() => process.kill(process.pid, 'SIGKILL')));");
    expect(messages(stderr)).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`));
  });
});
