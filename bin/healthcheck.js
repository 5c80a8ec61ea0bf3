#!/usr/bin/env node
// The container's HEALTHCHECK: exit 0 when GET /readyz on this container's PORT answers 200, else 1.
// Plain Node (the slim base image has no curl or wget); it never waits more than 2 seconds.
import { get } from 'node:http';

const port = Number(process.env.PORT ?? 4000);
const request = get({ host: '127.0.0.1', port, path: '/readyz', timeout: 2_000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', () => process.exit(1));
