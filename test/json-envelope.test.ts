import { describe, expect, it } from 'vitest';
import { forEachDataElement } from '../src/openrouter/json-envelope.js';
import { parseModelsBody, parseModelsPayload } from '../src/openrouter/models-payload.js';
import { readFixtureBytes } from './support/fixtures.js';

function elements(text: string): unknown[] | false {
  const seen: unknown[] = [];
  return forEachDataElement(Buffer.from(text), (element) => seen.push(element)) ? seen : false;
}

describe('element-wise envelope reader', () => {
  it('yields exactly what JSON.parse would give for the data array', () => {
    const cases = [
      '{"data":[]}',
      ' \n{ "meta" : {"a":[1,{"b":"]}"}]}, "data" : [ {"id":"a\\"b]"} , 1, "x", null, [2,[3]], -1.5e3, true ] }\n',
      '{"data":[{"id":"\\u00e9\\\\"}],"tail":"\\"}"}',
      '{"data":[{"id":"ünïcödé/😀"}]}',
    ];
    for (const text of cases) expect(elements(text), text).toEqual((JSON.parse(text) as { data: unknown[] }).data);
  });

  it('declines anything JSON.parse rejects or that is not a plain envelope', () => {
    for (const text of ['', '{', '{"data":[1,]}', '{"data":[1 2]}', '{"data":[{"id":"a"]}', '{"data":[1]} x', '{"data":[01]}', '{"data":[1],}', '{"data":{}}', '{"data":null}', '[1]', '{}', '{"data":[1],"data":[2]}', '{"x":tru,"data":[]}', '{"data":[1]', '{"data":["unterminated]}']) {
      expect(elements(text), text).toBe(false);
    }
  });

  it('gives the same models and messages as whole-body parsing, on real and broken bodies', () => {
    const real = readFixtureBytes('openrouter', 'models-2026-06-16.json');
    expect(parseModelsBody(real)).toEqual(parseModelsPayload(JSON.parse(real.toString('utf8'))));
    expect(() => parseModelsBody(Buffer.from('<html>502</html>'))).toThrow(/body is not JSON/);
    expect(() => parseModelsBody(Buffer.from('{"data": {}}'))).toThrow(/"data" is an object, expected an array/);
    expect(() => parseModelsBody(real.subarray(0, real.length / 2))).toThrow(/body is not JSON/);
  });
});
