/**
 * Where the time of a `--cpu-prof` profile goes: self time by function and by package (or source
 * folder), and total (inclusive) time of the functions whose name matches a pattern. Used to write
 * the "where the time goes" notes of bench/RESULTS.md.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 40] [--total name1,name2,…]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [path, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const at = rest.indexOf(name);
  return at < 0 ? undefined : rest[at + 1];
};
const top = Number(option('--top') ?? 40);
const totals = (option('--total') ?? '').split(',').filter((name) => name !== '');
const profile = JSON.parse(readFileSync(path!, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const selfUs = new Map<number, number>();
profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
// Percentages are of the time the process was busy: idle time only says how long it waited for requests.
const idle = profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').reduce((sum, node) => sum + (selfUs.get(node.id) ?? 0), 0);
const total = [...selfUs.values()].reduce((a, b) => a + b, 0) - idle;

function where(url: string): string {
  if (url === '') return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url.replace(/^.*\//, '');
}
const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const bySelf = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  bySelf.set(label(node), (bySelf.get(label(node)) ?? 0) + us);
  const place = where(node.callFrame.url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
}
/** Stages of a request, by where a function lives (first match wins); what matches none is "other". */
const STAGES: readonly (readonly [string, RegExp])[] = [
  ['module loading (start-up)', /modules\/|module_job|cjs-module-lexer|compileSourceTextModule|wrapSafe|bootstrap\/realm/],
  ['garbage collection', /^\(garbage collector\)/],
  ['JSON serialisation (result to text)', /jsonStringifyResultWithoutInternals|^stringify |fast-json-stringify|^as(String|Number|Boolean) /],
  // fs.writeSync of a string (pino's synchronous destination) is the native writeString; sockets use the others.
  ['access log, request context', /^writeString \(native\)|^writeSync node:fs|pino|sonic-boom|access-log|operation-info|request-context|async_hooks|node:async_hooks|randomUUID/],
  ['socket writes', /^(writev|writeUtf8String|writeBuffer|writevGeneric|handleWriteReq) |node:_http_outgoing|stream_base_commons/],
  ['Node HTTP in (parser, request)', /node:_http_server|node:_http_incoming|node:_http_common|node:internal\/streams|^(parse|execute) \(native\)|node:net/],
  ['Yoga, envelop, whatwg-node', /graphql-yoga|@envelop|@whatwg-node|src\/app\.ts|src\/http\/(cors|url|request-shape|variable-errors)|src\/context/],
  ['response cache', /response-cache|lru-cache|fast-json-stable-stringify|crypto\/hash|bounded-result-cache|^hash /],
  ['body reading', /request-body|node:buffer/],
  ['HTTP metrics', /prom-client|metrics-plugin/],
  ['client limits', /rate-limiter-flexible|client-limits|client-address|query-cost|RegExp: /],
  ['graphql-js (variables, parse, validate)', /graphql:|^[^ ]+ graphql$|graphql-armor/],
  ['graphql-jit execution and serialiser', /graphql-jit|fast-json-stringify|\(native\):[1-9]|src\/schema/],
  ['catalogue filtering', /src\/catalogue/],
  ['promises, microtasks, events', /runMicrotasks|node:events|task_queues|^\(program\)/],
];
const byStage = new Map<string, number>();
const unstaged = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  const text = label(node);
  const stage = STAGES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
  byStage.set(stage, (byStage.get(stage) ?? 0) + us);
  if (stage === 'other') unstaged.set(text, (unstaged.get(text) ?? 0) + us);
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`${(total / 1000).toFixed(0)} ms busy (and ${(idle / 1000).toFixed(0)} ms idle) sampled; percentages of the busy time`);
console.log('\nself time by stage');
for (const [stage, us] of [...byStage].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${stage}`);
if (rest.includes('--other')) for (const [name, us] of [...unstaged].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`   other: ${pct(us)}  ${name}`);
console.log('\nself time by package or source file');
for (const [place, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${place}`);
console.log('\nself time by function');
for (const [name, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);

if (totals.length > 0) {
  console.log('\ntotal (inclusive) time');
  for (const name of totals) {
    let inclusive = 0;
    for (const [id, us] of selfUs) {
      // Counted once per sample even when the function recurses.
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)!.callFrame.functionName === name) {
          inclusive += us;
          break;
        }
      }
    }
    console.log(`${pct(inclusive)}  ${name}`);
  }
}
