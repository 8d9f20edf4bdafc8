import type { Response } from 'express';

/** The error body of both assumed contracts: `{ error, message, request_id }` (+ `fields` on validation errors). */
export function sendError(res: Response, status: number, error: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error, message, request_id: String(res.locals.requestId ?? ''), ...extra });
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** 400 validation_failed listing every problem, so the caller can fix all of them at once. */
export function sendValidationError(res: Response, error: string, problems: FieldProblem[]): void {
  sendError(res, 400, error, `invalid fields: ${problems.map((p) => p.field).join(', ')}`, { fields: problems });
}
