import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Prints one plain closing line, `vitest: N passed, N failed`, that CI tooling reads regardless of
 * the test runner (the default reporter's summary is decorated and not meant for machines).
 *
 * "failed" also counts failures outside any test: a file that cannot load, a `beforeAll`/`afterAll`
 * hook that throws (vitest then marks its tests skipped, not failed) and errors thrown after a test
 * ended. The first such error is named on the same line, so a run never reads `0 failed` while it fails.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const outside: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      for (const error of module.errors()) outside.push(`${module.relativeModuleId}: ${firstLine(error)}`);
      for (const suite of module.children.allSuites()) for (const error of suite.errors()) outside.push(`${module.relativeModuleId} > ${suite.fullName}: ${firstLine(error)}`);
    }
    for (const error of unhandledErrors) outside.push(`unhandled: ${firstLine(error)}`);
    // A failed run with nothing counted (e.g. a global setup that threw) still counts as one failure.
    if (reason === 'failed' && failed === 0 && outside.length === 0) outside.push('the run failed (see above)');
    const detail = outside.length > 0 ? ` (${outside.length} outside tests, first: ${outside[0]})` : '';
    process.stdout.write(`vitest: ${passed} passed, ${failed + outside.length} failed${skipped > 0 ? `, ${skipped} skipped` : ''}${detail}\n`);
  }
}

function firstLine(error: SerializedError): string {
  return String(error.message ?? error.name ?? 'unknown error').split('\n')[0]!;
}
