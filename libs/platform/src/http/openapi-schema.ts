import type { SchemaObject } from '@nestjs/swagger';

type Json = { [key: string]: unknown };

/**
 * Turns JSON Schema draft 7 (what ts-json-schema-generator writes from the view types) into OpenAPI 3.0 schema
 * objects: `#/definitions/` references point into `#/components/schemas/`, `type: [T, "null"]` and
 * `anyOf: [X, {type: "null"}]` become `nullable`, `const` becomes a one-value `enum`, `$schema` goes.
 */
export function toOpenApiSchema(schema: unknown): SchemaObject {
  return convert(schema) as SchemaObject;
}

/** The other way, for validators of JSON Schema (ajv): `nullable: true` becomes a `null` alternative. */
export function fromOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fromOpenApiSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Json;
  const converted: Json = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, key === 'example' ? value : fromOpenApiSchema(value)]),
  );
  if (nullable !== true) return converted;
  const composed = ['allOf', 'oneOf', 'anyOf', '$ref'].some((keyword) => keyword in converted);
  if (typeof converted.type === 'string' && !composed) {
    const withNull: Json = { ...converted, type: [converted.type, 'null'] };
    if (Array.isArray(withNull.enum)) withNull.enum = [...(withNull.enum as unknown[]), null];
    return withNull;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

function isNullSchema(value: unknown): boolean {
  return Boolean(value) && typeof value === 'object' && (value as Json).type === 'null';
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (!value || typeof value !== 'object') return value;
  const { $schema: _schema, $ref, const: constant, type, anyOf, ...rest } = value as Json;
  const out: Json = {};
  if (typeof $ref === 'string') out.$ref = $ref.replace('#/definitions/', '#/components/schemas/');
  if (constant !== undefined) out.enum = [constant];
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== 'null');
    if (types.length === 1) out.type = types[0];
    else out.anyOf = types.map((t: unknown) => ({ type: t }));
    if (types.length !== type.length) out.nullable = true;
  } else if (type !== undefined) out.type = type;
  if (Array.isArray(anyOf)) {
    const others = anyOf.filter((option) => !isNullSchema(option)).map(convert);
    const nullable = others.length !== anyOf.length;
    if (others.length === 1 && nullable) {
      const only = others[0] as Json;
      // A reference cannot carry `nullable` beside it: wrap it in allOf.
      Object.assign(out, only.$ref ? { allOf: [only] } : only, { nullable: true });
    } else {
      out.anyOf = others;
      if (nullable) out.nullable = true;
    }
  }
  for (const [key, child] of Object.entries(rest)) {
    out[key] =
      key === 'properties' || key === 'definitions'
        ? Object.fromEntries(Object.entries(child as Json).map(([name, schema]) => [name, convert(schema)]))
        : convert(child);
  }
  // OpenAPI 3.0 ignores whatever stands beside a reference (a description, say): wrap it in allOf instead.
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref: reference, ...siblings } = out;
    return { allOf: [{ $ref: reference }], ...siblings };
  }
  const values = out.enum;
  if (Array.isArray(values) && out.nullable && !values.includes(null)) out.enum = [...(values as unknown[]), null];
  return out;
}
