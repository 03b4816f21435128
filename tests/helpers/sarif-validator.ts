// The official SARIF 2.1.0 schema (draft-04) compiled with ajv's draft-04 build, formats checked.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { schemasDir } from './paths.js';

const require = createRequire(import.meta.url);
type Validate = ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };
interface AjvLike {
  compile(schema: object): Validate;
}
const Ajv04 = require('ajv-draft-04') as new (o: object) => AjvLike;
const addFormats = require('ajv-formats') as (ajv: AjvLike) => AjvLike;

export const SARIF_SCHEMA_FILE = path.join(schemasDir, 'sarif-schema-2.1.0.json');

export function sarifValidator(): Validate {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as { $schema: string };
  if (schema.$schema !== 'http://json-schema.org/draft-04/schema#') throw new Error(`unexpected schema dialect ${schema.$schema}`);
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
