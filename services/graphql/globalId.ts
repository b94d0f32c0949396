// The one global-id decoder. A global id is base64 of `Type:key` (Relay); the
// relay plugin decodes every ID argument with it (builder.ts), the input checks
// name the failing field with it (inputChecks.ts), and the REST routes use it
// for the ids they accept. Anything else — bad base64, no type, a type that is
// not a node of this schema, a key that no table has — is BAD_USER_INPUT, never
// an internal error further down.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CodedError } from '../../kernel/errors.ts';

export interface GlobalId {
  typename: string;
  /** The key as text: a numeric id, a division code or a channel code. */
  id: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
// Every key in the schema is an integer, a division code or an enum-like code.
const DECODED = /^([A-Z][A-Za-z]{0,63}):([A-Za-z0-9_]{1,32})$/;

let nodeTypes: ReadonlySet<string> | null = null;
/** The schema's Node types (schema.ts, once built): a global id of any other type is refused. */
export function registerNodeTypes(names: Iterable<string>): void {
  nodeTypes = new Set(names);
}

/** Decodes or refuses; `field` names the argument in the refusal when the caller knows it. */
export function decodeGlobalId(value: unknown, field?: string): GlobalId {
  const text = typeof value === 'string' && value.length <= 200 && BASE64.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
  const match = DECODED.exec(text);
  if (!match || (nodeTypes && !nodeTypes.has(match[1]!))) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
    const message = `${field ? `${field}: ` : ''}无效的全局 ID (invalid global id: ${shown})`;
    throw new CodedError('BAD_USER_INPUT', message, field ? { field } : {});
  }
  return { typename: match[1]!, id: match[2]! };
}

export const encodeGlobalId = (typename: string, id: string | number): string => encodeGlobalID(typename, id);
