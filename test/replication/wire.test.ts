import { describe, expect, it } from 'vitest';
import { parseAnnouncement, parseReply, parseStanding, parseStandingsMessage } from '../../src/replication/wire.js';

const report = { trigger: 'admin', forced: false, startedAt: 1_795_478_400_000, finishedAt: 1_795_478_400_500, outcome: 'accepted', message: 'accepted version 3 with 228 configs', malformedCount: 0, nextAttemptAt: null };

describe('messages between replicas are checked on arrival', () => {
  it('an announcement carries an etag and a report; a bare etag (an earlier release) has none', () => {
    expect(parseAnnouncement(JSON.stringify({ etag: 'abc', report }))).toEqual({ etag: 'abc', report });
    expect(parseAnnouncement('abc')).toEqual({ etag: 'abc', report: null });
  });

  it('a report the API could not serve is refused with its path, so it never reaches lastRefresh', () => {
    expect(() => parseAnnouncement(JSON.stringify({ etag: 'abc', report: { ...report, finishedAt: 1e300 } }))).toThrow(/^invalid announcement: report\.finishedAt: /);
    expect(() => parseAnnouncement(JSON.stringify({ etag: 'abc', report: { ...report, outcome: 'maybe' } }))).toThrow(/report\.outcome/);
    expect(() => parseAnnouncement('{"etag":')).toThrow(SyntaxError);
  });

  it('a reply names its outcome; an accepted one carries the change it made', () => {
    const retirement = { id: -5, modelName: 'acme/old', name: 'Old', retiredAt: 1_795_478_400_000, successor: { id: -6, modelName: 'acme/new', name: 'New' } };
    const diff = { fromVersion: 2, toVersion: 3, at: 1_795_478_400_500, added: [], removed: [], repriced: [], tierFlips: [], newlyGated: [], newlyUngated: [], retired: [retirement], reinstated: [], expiring: [] };
    const reply = { id: 'r1', outcome: { kind: 'accepted', etag: 'abc', diff }, report };
    expect(parseReply(JSON.stringify(reply))).toEqual(reply);
    // A replica of the release before retirements sends change records without those lists.
    const { retired: _retired, reinstated: _reinstated, expiring: _expiring, ...earlier } = diff;
    expect(parseReply(JSON.stringify({ ...reply, outcome: { ...reply.outcome, diff: earlier } })).outcome).toEqual({ kind: 'accepted', etag: 'abc', diff: { ...earlier, retired: [], reinstated: [], expiring: [] } });
    expect(() => parseReply(JSON.stringify({ ...reply, outcome: { ...reply.outcome, diff: { ...diff, retired: [{ ...retirement, retiredAt: 1e300 }] } } }))).toThrow(/outcome\.diff\.retired\[0\]\.retiredAt/);
    expect(() => parseReply(JSON.stringify({ ...reply, outcome: { kind: 'accepted', etag: 'abc' } }))).toThrow(/outcome\.diff/);
    expect(() => parseReply(JSON.stringify({ id: 'r1', outcome: { kind: 'upstream-unavailable', failureKind: 'gremlins', message: 'x', status: null, retryAfterSeconds: null }, report }))).toThrow(/outcome\.failureKind/);
  });

  it('a standing another replica shares is checked like what it serves: cooldownUntil and blockedReason', () => {
    const standing = { cooldownUntil: 1_795_479_000_000, strikes: 1, rejections: [{ at: 1_795_478_400_000, outcome: 'not-found' }], blockedAt: null, blockedReason: null, updatedAt: 1_795_478_400_000 };
    expect(parseStandingsMessage(JSON.stringify({ from: 'replica-1', standings: [{ configId: -42, standing }] }))).toEqual({ from: 'replica-1', standings: [{ configId: -42, standing }] });
    expect(parseStanding(JSON.stringify(standing))).toEqual(standing);
    expect(() => parseStanding(JSON.stringify({ ...standing, cooldownUntil: 1e300 }))).toThrow(/^invalid standing: cooldownUntil: /);
    expect(() => parseStanding(JSON.stringify({ ...standing, blockedAt: 1, blockedReason: 'blocked\u001b[31m' }))).toThrow(/blockedReason: must not contain control characters/);
    expect(() => parseStanding(JSON.stringify({ ...standing, rejections: Array(4).fill(standing.rejections[0]) }))).toThrow(/rejections/);
    expect(() => parseStandingsMessage(JSON.stringify({ from: 'r', standings: [{ configId: 2 ** 40, standing }] }))).toThrow(/standings\[0\]\.configId/);
  });
});
