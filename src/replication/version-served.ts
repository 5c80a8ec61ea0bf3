import type { CatalogueVersion } from '../catalogue/version.js';
import type { VersionStore } from '../catalogue/version-store.js';

/**
 * Resolves with the version whose etag is `etag` once `versions` serves it, or null after `timeoutMs`.
 * `subscribed` runs once the wait is listening, so whatever it triggers (adopting the version) cannot
 * be missed between the first check and the subscription.
 */
export function versionServed(versions: VersionStore, etag: string, timeoutMs: number, subscribed: () => void): Promise<CatalogueVersion | null> {
  const current = versions.current();
  if (current?.etag === etag) return Promise.resolve(current);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(null);
    }, timeoutMs);
    const unsubscribe = versions.onVersion((version) => {
      if (version.etag !== etag) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(version);
    });
    subscribed();
  });
}
