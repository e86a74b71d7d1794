// The outcome of checking a document number: the parsed value, or a failure code the program can
// branch on with a Chinese sentence the clerk can act on (shown as typed, instantly, in the form).

export type Checked<T, Code extends string> = { ok: true; value: T } | { ok: false; code: Code; message: string };

export const passed = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const failed = <Code extends string>(code: Code, message: string): { ok: false; code: Code; message: string } => ({
  ok: false,
  code,
  message,
});
