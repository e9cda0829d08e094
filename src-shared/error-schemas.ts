import { z } from 'zod';
import { appError, ERROR_CODES, issuePath, type AppError } from './errors';

/**
 * The zod schemas of the error contract, apart from errors.ts so that code which only shows or
 * makes errors (the kiosk screens) does not load zod: the renderer's first screen must be
 * interactive within a second on the office PCs.
 */
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<AppError>;

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);

/** A zod failure as a `VALIDATION` error naming the first offending field. */
export function validationError(error: z.ZodError): AppError {
  const first = error.issues[0];
  const field = first ? issuePath(first.path) : '';
  return appError('VALIDATION', {
    ...(field ? { field } : {}),
    params: { field: field || '(argumen)', detail: first?.message ?? 'invalid' },
  });
}
