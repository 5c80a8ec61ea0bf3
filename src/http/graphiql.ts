import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphiQL served from the `@graphql-yoga/render-graphiql` package installed with the server: the
 * editor, its styles and its workers are inlined in the page, so it loads with no internet (an
 * air-gapped deployment) and under a strict Content-Security-Policy, which the page itself carries:
 * its one script is allowed by hash, and it may connect only to this server.
 */

export const GRAPHIQL_TITLE = 'llm-catalogue';

/** What a model selector asks on every page load: shown in the editor on first visit. */
export const GRAPHIQL_DEFAULT_QUERY = `# The model selector's query: best first, Auto on top.
query Selector {
  llmConfigs(orderBy: QUALITY_DESC, includeAuto: true) {
    id
    name
    provider
    modelName
    tier
    contextLength
    pricing {
      prompt
      completion
    }
    supportsTools
    supportsImageInput
    qualityScore
    healthGated
    health {
      score
    }
  }
}
`;

export interface GraphiQLPage {
  /** For Yoga's `renderGraphiQL` option: the page is rendered once (it is ~9 MB), then reused. */
  readonly render: () => Promise<string>;
  /** Adds the Content-Security-Policy to the GraphiQL page. */
  readonly plugin: Plugin;
}

export function createGraphiQLPage(): GraphiQLPage {
  let html: string | null = null;
  let policy = '';
  const render = async (): Promise<string> => {
    if (html !== null) return html;
    // Loaded on the first visit: the package holds the whole editor as strings (~35 MB of heap).
    const { renderGraphiQL: renderFromPackage } = await import('@graphql-yoga/render-graphiql');
    html = renderFromPackage({ title: GRAPHIQL_TITLE, defaultQuery: GRAPHIQL_DEFAULT_QUERY, defaultEditorToolsVisibility: true });
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
    policy = [
      "default-src 'none'",
      `script-src ${scripts.join(' ')}`,
      // The editor injects its styles at run time; styles cannot run code.
      "style-src 'unsafe-inline'",
      'worker-src blob:',
      "connect-src 'self'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
    return html;
  };
  const plugin: Plugin = {
    onResponse({ response }) {
      // A page that brings its own policy (the console) keeps it.
      if (html !== null && (response.headers.get('content-type') ?? '').startsWith('text/html') && !response.headers.has('content-security-policy')) {
        response.headers.set('content-security-policy', policy);
        response.headers.set('x-content-type-options', 'nosniff');
      }
    },
  };
  return { render, plugin };
}
