import fc from 'fast-check';

/**
 * Malformed JSON bodies for a route, each one certainly invalid whatever the route's DTO allows, so that a 2xx
 * (or a row written) always means validation let something through:
 * - `not-an-object`: null, a number, a boolean, a string or an array where an object is expected;
 * - `extra-property`: the route's valid template, some of its fields made nasty, plus at least one property the
 *   DTO does not know (refused by forbidNonWhitelisted), including `__proto__` and `constructor`;
 * - `wrong-type`: the valid template with one field of another shape (an object for a string, a string for a
 *   number, a scalar for an object or an array...);
 * - `not-json`: text that does not parse as JSON.
 * Nasty content: ~100 KB strings (below the 256 KB body limit), deep nesting, RTL overrides, zero-width
 * characters, lone surrogates (escaped by JSON.stringify), emoji, SQL and script metacharacters.
 */
export interface MalformedBody {
  category: 'not-an-object' | 'extra-property' | 'wrong-type' | 'not-json';
  payload: string;
}

const HUGE = 100 * 1024;

const oddStrings = [
  '\u202Eevil.exe\u202C',
  '\u202Dleft\u202Eright\u2066iso\u2069',
  'zero\u200Bwidth\u200C\u200D\u2060\uFEFF',
  '\uD800',
  '\uDFFFtail',
  'x\uD83D',
  '😀👩‍👩‍👧‍👦🏳️‍🌈🇬🇧',
  'Z̴̡̛̛̖͖̫a̷l̸g̶o̵',
  "' OR '1'='1",
  "'; DROP TABLE claim; --",
  'Robert"); DELETE FROM audit_log; --',
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}#{7*7}',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=1',
  '\u0000\u0001\u001f',
  '',
  ' ',
  '\r\n\t',
  'null',
  'true',
  'NaN',
  '1e309',
  '-0',
  '__proto__',
  'constructor',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
];

const hugeString: fc.Arbitrary<string> = fc
  .constantFrom('A', 'é', '\u202E', '\u200B', "'", '<', '😀')
  .map((unit) => unit.repeat(Math.floor(HUGE / Buffer.byteLength(JSON.stringify(unit).slice(1, -1)))));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 1e308, -1e308, 2 ** 53 + 2, 0.1, -1, 4294967296),
);

/** Nesting of objects and arrays, a few to a few thousand levels deep. */
const deeplyNested = fc.integer({ min: 3, max: 3000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
});

/** An object with an own `__proto__` or `constructor` key, as a JSON body can carry. */
const poisoned = fc
  .tuple(
    fc.constantFrom('__proto__', 'constructor'),
    fc.constantFrom<unknown>({ isAdmin: true }, { prototype: { polluted: 1 } }, 'x'),
  )
  .map(([key, value]) => ownObject([[key, value]]));

function ownObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: deeplyNested },
  { weight: 1, arbitrary: poisoned },
  { weight: 1, arbitrary: fc.array(nastyString, { minLength: 1, maxLength: 4 }) },
);

const unknownKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '\u202Eeman',
    'a\u200Bb',
    '😀',
    "'; DROP TABLE claim; --",
    '<script>',
    '',
    ' ',
    '$where',
    '$gt',
    'a.b',
    '0',
    'length',
    'isAdmin',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((key) => `x-${key}`),
);

/** A value of another shape than the template's, which no DTO field typed like the template accepts. */
function otherShape(template: unknown): fc.Arbitrary<unknown> {
  const notNumeric = nastyString.map((text) => `x${text}`);
  const object = fc.oneof(deeplyNested, fc.dictionary(unknownKey, nastyValue, { minKeys: 1, maxKeys: 3 }));
  const scalarArray = fc.array(fc.oneof(notNumeric, nastyNumber), { minLength: 1, maxLength: 4 });
  if (typeof template === 'string') return fc.oneof(object, scalarArray, nastyNumber, fc.boolean());
  if (typeof template === 'number') return fc.oneof(notNumeric, object, scalarArray, fc.boolean());
  if (typeof template === 'boolean') return fc.oneof(notNumeric, nastyNumber, object, scalarArray);
  if (Array.isArray(template)) return fc.oneof(notNumeric, nastyNumber, fc.boolean(), object);
  return fc.oneof(notNumeric, nastyNumber, fc.boolean(), scalarArray);
}

/** Every body is certainly invalid; see the module comment. */
export function malformedBodies(template: Record<string, unknown>): fc.Arbitrary<MalformedBody> {
  const fields = Object.keys(template);
  const notAnObject = fc
    .oneof(
      fc.constant(null),
      nastyNumber,
      fc.boolean(),
      nastyString,
      fc.array(nastyValue, { maxLength: 4 }),
      fc.constant([template]),
    )
    .map((value) => ({ category: 'not-an-object' as const, payload: JSON.stringify(value) }));
  const extraProperty = fc
    .tuple(
      fc.subarray(fields),
      fc.array(nastyValue, { minLength: fields.length, maxLength: fields.length }),
      fc.uniqueArray(fc.tuple(unknownKey, nastyValue), { minLength: 1, maxLength: 3, selector: ([key]) => key }),
    )
    .map(([nasty, values, extras]) => {
      const entries = fields.map((field, index): [string, unknown] => [
        field,
        nasty.includes(field) ? values[index] : template[field],
      ]);
      const known = new Set(fields);
      return {
        category: 'extra-property' as const,
        payload: JSON.stringify(ownObject([...entries, ...extras.filter(([key]) => !known.has(key))])),
      };
    })
    // A body whose only extra key collided with a field is not certainly invalid: leave it out.
    .filter(({ payload }) => Object.keys(JSON.parse(payload) as object).length > fields.length || fields.length === 0);
  const wrongType = fields.length
    ? fc
        .constantFrom(...fields)
        .chain((field) => otherShape(template[field]).map((value) => ({ field, value })))
        .map(({ field, value }) => ({
          category: 'wrong-type' as const,
          payload: JSON.stringify({ ...template, [field]: value }),
        }))
    : notAnObject;
  const notJson = fc
    .constantFrom(
      '{',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":undefined}',
      '\uFEFF{}x',
      '[1,2',
      '{"a":"\\x41"}',
      '{"a":"\\uD8"}',
      '{"a":01}',
      '{}{}',
      'nul',
    )
    .map((payload) => ({ category: 'not-json' as const, payload }));
  return fc.oneof(
    { weight: 2, arbitrary: notAnObject },
    { weight: 4, arbitrary: extraProperty },
    { weight: 4, arbitrary: wrongType },
    { weight: 1, arbitrary: notJson },
  );
}
