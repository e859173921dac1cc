import type { z } from 'zod';
import { InternalError } from '../../../shared/errors';

/**
 * Decodes a JSON column read back from the database and validates it: above db/ a record's fields are typed values,
 * never JSON text. A value that no longer parses or validates is our fault, not the caller's.
 */
export function decodeJson<T extends z.ZodType>(schema: T, text: string, what: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InternalError({ key: 'errors.stored.json', params: { what } });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InternalError({ key: 'errors.stored.shape', params: { what } });
  return parsed.data;
}

/** The text a JSON column stores. */
export const encodeJson = (value: unknown): string => JSON.stringify(value);
