import type { ComponentChildren } from 'preact';
import type { ConsoleConfigDetailsQuery } from '../api/gql/graphql';

/** One model as the details panel reads it (details.graphql). */
export type Details = NonNullable<ConsoleConfigDetailsQuery['llmConfig']>;

/** A term and its value; `field` names the value for tests and styles. */
export function Item({ term, field, children }: { term: string; field: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-field={field}>{children}</dd>
    </>
  );
}

/** A config named by another (a successor, an alias's target): a button that opens its details. */
export function ConfigLink({ config, field, onOpen }: { config: { id: number; name: string } | null | undefined; field: string; onOpen: (id: number) => void }) {
  if (!config) return <span data-field={field}>—</span>;
  return (
    <button type="button" class="link" data-field={field} data-id={config.id} onClick={() => onOpen(config.id)}>
      {config.name}
    </button>
  );
}
