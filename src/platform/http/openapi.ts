import { z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { statusByKind } from './errors.ts';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'person.duplicate_national_id' }),
      message: z.string().openapi({ example: 'Det finnes allerede en person med dette fødselsnummeret.' }),
      fields: z.record(z.string(), z.string()).optional().openapi({ description: 'Field path → message, for 400' }),
      referenceId: z.string().optional().openapi({ description: 'For 500: quote it to support' }),
      meta: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

const descriptions: Record<number, string> = {
  400: 'Invalid input; nothing was changed',
  401: 'Not logged in',
  403: 'Logged in, but the role does not allow this',
  404: 'Not found',
  409: 'Conflicts with existing data; nothing was changed',
  422: 'Refused by a rule of the service; nothing was changed',
  423: 'Locked',
};

type Status = (typeof statusByKind)[keyof typeof statusByKind];

/** The error responses a route can give, for its OpenAPI entry. */
export function errorResponses<S extends Status>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: { 'application/json': { schema: errorBody } } }]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof errorBody } } }>;
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
