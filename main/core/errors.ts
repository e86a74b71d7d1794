import type { AppError, ErrorCode } from './contract/result';

/**
 * Thrown inside services to stop with a reason; the dispatcher turns it into an error value.
 * Anything else that escapes a handler is a bug and reaches the client only as INTERNAL.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toValue(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const notFound = (what: string): ServiceError => new ServiceError('NOT_FOUND', `未找到${what}`);
