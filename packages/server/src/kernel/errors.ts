// Domain errors carry a stable code; app/http maps them to RFC 9457 problem documents in one place.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 409,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, 400, details);
