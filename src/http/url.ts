/** Path of an absolute URL, without building a URL object (this runs on every request). */
export function pathOf(url: string): string {
  return splitUrl(url).pathname;
}

/** Path and query of an absolute URL, without building a URL object (this runs on every request). */
export function splitUrl(url: string): { pathname: string; search: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return { pathname: '/', search: '' };
  const query = url.indexOf('?', start);
  return query < 0 ? { pathname: url.slice(start), search: '' } : { pathname: url.slice(start, query), search: url.slice(query) };
}
