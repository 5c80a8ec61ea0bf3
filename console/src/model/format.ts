/** How numbers and instants read in the console. Prices are USD per million tokens, as the API serves them. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const usdTiny = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US');

/** `$3.00`, `$0.075`, `$0.0000012`; `unknown` when the API has no price (unknown or variable). */
export function formatPrice(perMillion: number | null | undefined): string {
  if (perMillion == null) return 'unknown';
  if (perMillion !== 0 && Math.abs(perMillion) < 0.0001) return usdTiny.format(perMillion);
  return usd.format(perMillion);
}

const usdCost = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** The cost of one request: `$0.0475`, `$0.000125` (to a millionth of a dollar). */
export function formatCost(usdAmount: number): string {
  return usdCost.format(usdAmount);
}

/** `128K`, `1M`; `unknown` when the API does not know. */
export function formatContext(tokens: number | null | undefined): string {
  return tokens == null ? 'unknown' : compact.format(tokens);
}

export function formatInteger(value: number | null | undefined): string {
  return value == null ? '—' : whole.format(value);
}

/** A percentage with two decimals (`99.87%`). */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '—' : `${value.toFixed(2)}%`;
}

/** A score as the API gives it: integers as they are, health scores with two decimals. */
export function formatScore(value: number | null | undefined): string {
  if (value == null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** `2026-11-26 09:30:05 UTC`: operators compare instants across machines, so UTC. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `42 s`, `5 min`, `3 h 10 min`, `2 d 4 h`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** `2026-06-19`: the UTC day of an instant (or a `YYYY-MM-DD` day as it is); `—` when unknown. */
export function formatDay(isoOrDay: string | null | undefined): string {
  return isoOrDay ? isoOrDay.slice(0, 10) : '—';
}

/** `Claude Sonnet 4.6` of `Anthropic: Claude Sonnet 4.6`: inside an author's group, its name is said once. */
export function withoutAuthor(name: string): string {
  const colon = name.indexOf(': ');
  return colon > 0 ? name.slice(colon + 2) : name;
}

/** Seconds from an instant to `now` (milliseconds since the epoch). */
export function secondsSince(iso: string, now: number): number {
  return (now - Date.parse(iso)) / 1000;
}
