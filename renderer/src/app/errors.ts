import type { AppError, ErrorCode } from './contract';

/** A refused call, thrown so TanStack Query sees a failure; carries the server's Chinese message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Codes the app answers by changing screen (login / lock / change password), not with a message. */
export const sessionCodes: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'SESSION_LOCKED', 'PASSWORD_CHANGE_REQUIRED']);

export const isSessionError = (e: unknown): boolean => e instanceof ApiError && sessionCodes.has(e.code);

/** Text for any failure, including ones that are not ApiErrors (a bug, a dropped connection). */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `操作失败：${e.message}`;
  return '操作失败，请重试';
}

/** `printers.0.dxMm` → ['printers', 0, 'dxMm'], the name path antd forms use. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
