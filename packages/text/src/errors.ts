/** Stable codes for bad input to @minsheng/text; callers map them (the CLI exits 2, the server answers 400). */
export type TextErrorCode = 'invalid_input' | 'invalid_model';

/** Bad data or a bad model given to the package: the caller's fault, never a bug here. */
export class TextInputError extends Error {
  readonly code: TextErrorCode;
  constructor(code: TextErrorCode, message: string) {
    super(message);
    this.name = 'TextInputError';
    this.code = code;
  }
}
