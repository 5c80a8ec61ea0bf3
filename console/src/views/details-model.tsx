import type { BenchmarkSource, ConfigSource, Modality, ReasoningEffort } from '../api/gql/graphql';
import { authorOf } from '../model/author';
import { CAPABILITIES, capabilitiesOf } from '../model/capabilities';
import { formatDay, formatInstant, formatInteger, formatPercent, formatScore } from '../model/format';
import { LIFECYCLES } from '../model/lifecycles';
import { ConfigLink, Item, type Details } from './details-parts';

const SOURCE_TEXT: Record<ConfigSource, string> = { OPENROUTER: "from OpenRouter's model list", OPERATOR_YAML: 'curated in the operator file', AUTO: 'picks a model per conversation' };
const BENCHMARK_SOURCES: Record<BenchmarkSource, string> = { ARTIFICIAL_ANALYSIS: 'Artificial Analysis', DESIGN_ARENA: 'Design Arena' };
const MODALITIES: Record<Modality, string> = { TEXT: 'text', IMAGE: 'images', AUDIO: 'audio', VIDEO: 'video', FILE: 'files' };
const EFFORTS: Record<ReasoningEffort, string> = { NONE: 'none', MINIMAL: 'minimal', LOW: 'low', MEDIUM: 'medium', HIGH: 'high', XHIGH: 'extra high', MAX: 'maximum' };

const modalities = (list: readonly Modality[]) => (list.length === 0 ? '—' : list.map((modality) => MODALITIES[modality]).join(', '));

function reasoningText(reasoning: NonNullable<Details['capabilities']['reasoning']>): string {
  const parts = [reasoning.mandatory ? 'always on' : 'can be turned off'];
  if (reasoning.efforts.length > 0) parts.push(`efforts ${reasoning.efforts.map((effort) => EFFORTS[effort]).join(', ')}`);
  if (reasoning.defaultEffort) parts.push(`${EFFORTS[reasoning.defaultEffort]} by default`);
  return parts.join('; ');
}

export function ModelFacts({ config }: { config: Details }) {
  const capabilities = capabilitiesOf(config);
  return (
    <dl class="facts">
      <Item term="Author" field="author">{config.author ? authorOf(config).name : config.source === 'OPERATOR_YAML' ? 'none named (an operator config)' : '—'}</Item>
      <Item term="Context" field="context">{config.contextLength == null ? 'unknown' : `${formatInteger(config.contextLength)} tokens`}</Item>
      <Item term="Longest answer" field="max-completion">{config.maxCompletionTokens == null ? 'unknown' : `${formatInteger(config.maxCompletionTokens)} tokens`}</Item>
      <Item term="Takes in" field="input-modalities">{modalities(config.inputModalities)}</Item>
      <Item term="Puts out" field="output-modalities">{modalities(config.outputModalities)}</Item>
      <Item term="Capabilities" field="capabilities">{capabilities.length === 0 ? 'none listed' : capabilities.map((capability) => CAPABILITIES[capability].label).join(', ')}</Item>
      {config.capabilities.reasoning ? <Item term="Reasoning" field="reasoning">{reasoningText(config.capabilities.reasoning)}</Item> : null}
      <Item term="Tier" field="tier">{config.tier}</Item>
      <Item term="Provider" field="provider">{config.provider}, {SOURCE_TEXT[config.source]}</Item>
      <Item term="Canonical slug" field="canonical-slug">{config.canonicalSlug ? <code>{config.canonicalSlug}</code> : '—'}</Item>
      <Item term="Hugging Face" field="hugging-face">{config.huggingFaceId ? <code>{config.huggingFaceId}</code> : '—'}</Item>
      <Item term="Auto pin tier" field="auto-pin-tier">{config.autoPinTier}</Item>
      <Item term="Router pool" field="router-pool">{config.routerPoolEligible ? 'yes' : 'no'}</Item>
      <Item term="Signed-out users" field="anonymous">{config.anonymousEnabled ? 'allowed' : 'not allowed'}</Item>
      <Item term="Limits" field="limits">{config.rpm == null ? 'no' : formatInteger(config.rpm)} requests/min, {config.tpm == null ? 'no' : formatInteger(config.tpm)} tokens/min</Item>
    </dl>
  );
}

/** Release, knowledge cutoff, expiry and retirement, with the successor and alias target as links. */
export function LifeFacts({ config, onOpen }: { config: Details; onOpen: (id: number) => void }) {
  const stage = LIFECYCLES[config.lifecycle];
  return (
    <dl class="facts">
      <Item term="Lifecycle" field="lifecycle">{stage.label}: {stage.explanation}</Item>
      <Item term="Released" field="released">{formatDay(config.releasedAt)}</Item>
      <Item term="Knowledge cutoff" field="knowledge-cutoff">{config.knowledgeCutoff ?? 'unknown'}</Item>
      <Item term="Expires" field="expires">{config.expiresAt ? `${formatDay(config.expiresAt)} (OpenRouter stops serving it)` : 'not announced'}</Item>
      <Item term="Retired" field="retired">{config.retiredAt ? `${formatInstant(config.retiredAt)} (left OpenRouter's list)` : 'no'}</Item>
      <dt>Successor</dt>
      <dd><ConfigLink config={config.successor} field="successor" onOpen={onOpen} /></dd>
      <dt>Alias of</dt>
      <dd><ConfigLink config={config.aliasOf} field="alias-of" onOpen={onOpen} /></dd>
    </dl>
  );
}

export function BenchmarkTable({ config }: { config: Details }) {
  if (config.benchmarks.length === 0) return <p data-field="no-benchmarks">OpenRouter lists no benchmark result for this model.</p>;
  return (
    <table class="benchmarks">
      <caption>As OpenRouter lists them: Artificial Analysis indices (0–100) and Design Arena ratings (ELO).</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Index</th>
          <th scope="col">Value</th>
          <th scope="col">Win rate</th>
          <th scope="col">Rank</th>
        </tr>
      </thead>
      <tbody>
        {config.benchmarks.map((benchmark) => (
          <tr key={`${benchmark.source}-${benchmark.index}`} data-field="benchmark" data-source={benchmark.source} data-index={benchmark.index}>
            <td>{BENCHMARK_SOURCES[benchmark.source]}</td>
            <th scope="row">{benchmark.index}</th>
            <td data-field="benchmark-value">{formatScore(benchmark.value)}</td>
            <td data-field="benchmark-win-rate">{formatPercent(benchmark.winRate)}</td>
            <td data-field="benchmark-rank">{benchmark.rank ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
