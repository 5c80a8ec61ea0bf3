/**
 * Credentials inside `litellm_params`. LiteLLM configurations usually keep the key there
 * (`litellm_params.api_key`), next to settings that are fine to show (`temperature`, token prices),
 * and the catalogue serves `litellm_params` to anyone. So credential-like entries are taken out when
 * the operator file is loaded: served configs, previews, data files and etags never contain them.
 * They stay in the loaded settings' secrets for server-side code that needs them.
 */

/** Words that make a key a credential wherever they appear in it. */
const CREDENTIAL_WORDS = new Set(['secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'credential', 'credentials', 'creds', 'authorization', 'cookie', 'bearer', 'apikey', 'privatekey', 'key', 'keys']);
/** Fragments that make a key a credential even inside a longer word (`clientsecret`, `xapikey`). */
const CREDENTIAL_FRAGMENTS = ['secret', 'password', 'passwd', 'credential', 'apikey', 'privatekey', 'accesskey', 'authtoken', 'accesstoken', 'sessiontoken', 'refreshtoken', 'bearertoken', 'idtoken'];
/** `token` is a credential (`azure_ad_token`, `aws_session_token`) unless the key is about counting or pricing tokens. */
const TOKEN_COUNT_WORDS = new Set(['per', 'cost', 'costs', 'price', 'limit', 'limits', 'count', 'max', 'min', 'budget', 'reserve']);

/** `awsSecretAccessKey`, `aws_secret-access.key` → ['aws', 'secret', 'access', 'key']. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a `litellm_params` key (at any depth) names a credential. */
export function isCredentialKey(key: string): boolean {
  const parts = words(key);
  if (parts.some((word) => CREDENTIAL_WORDS.has(word))) return true;
  const joined = parts.join('');
  if (CREDENTIAL_FRAGMENTS.some((fragment) => joined.includes(fragment))) return true;
  return parts.includes('token') && !parts.some((word) => TOKEN_COUNT_WORDS.has(word));
}

/** A value that is a credential whatever its key: a bearer header, an `sk-` key, a PEM private key. */
export function isCredentialValue(value: unknown): boolean {
  return typeof value === 'string' && (/^\s*(bearer|basic)\s+\S/i.test(value) || /^\s*sk-[A-Za-z0-9_-]{8,}/.test(value) || value.includes('-----BEGIN'));
}

export interface SplitParams {
  /** The params without any credential-like entry: what may be served. */
  readonly served: Record<string, unknown>;
  /** Paths of the entries taken out (for a startup log line; never their values). */
  readonly hiddenPaths: readonly string[];
  /** The strings inside the entries taken out, so the logger can scrub them should one ever reach a line. */
  readonly hiddenStrings: readonly string[];
}

/** Takes credential-like entries out of `params`, at any depth of objects and arrays. */
export function withoutCredentials(params: Readonly<Record<string, unknown>>, path: string): SplitParams {
  const hiddenPaths: string[] = [];
  const hiddenStrings: string[] = [];
  const hide = (value: unknown, at: string): void => {
    hiddenPaths.push(at);
    collectStrings(value, hiddenStrings);
  };
  const strip = (value: unknown, at: string): unknown => {
    if (Array.isArray(value)) return value.flatMap((item, index) => (isCredentialValue(item) ? (hide(item, `${at}[${index}]`), []) : [strip(item, `${at}[${index}]`)]));
    if (value === null || typeof value !== 'object') return value;
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (isCredentialKey(key) || isCredentialValue(item)) hide(item, `${at}.${key}`);
      else kept[key] = strip(item, `${at}.${key}`);
    }
    return kept;
  };
  return { served: strip(params, path) as Record<string, unknown>, hiddenPaths, hiddenStrings };
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
}
