import type { FormInstance, FormRule as Rule } from 'antd';
import type { z } from 'zod';
import { formatIssues } from './contract';
import { fieldPath } from './errors';

// Forms check input with the very zod schemas main checks with, so the clerk sees the same
// sentence before sending as the service would answer after.

type Issue = z.core.$ZodIssue;

/**
 * One issue as a sentence. A schema's own Chinese message (a regex's「应为 6 位数字」, a refinement's
 * sentence) is more useful than formatIssues' generic 格式不正确 or its 「label」 prefix, so it wins.
 */
export function issueMessage(schema: z.ZodType, issue: Issue): { message: string; field?: string } {
  const formatted = formatIssues(schema, [issue]);
  // Refinements carry whole sentences ("打印机名称不能重复"); no 「label」 in front of them.
  if (issue.code === 'custom' || /[\u4e00-\u9fff]/.test(issue.message)) return { ...formatted, message: issue.message };
  return formatted;
}

/** An antd rule that runs one field schema (e.g. the password policy). Empty boxes count as missing. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value === null || value === '' ? undefined : value);
      // One message per field: the first thing to fix, without the "另有 N 处" tail of whole-form messages.
      if (!r.success && r.error.issues[0]) throw new Error(issueMessage(schema, r.error.issues[0]).message);
    },
  };
}

/** A rule that this field equals another (password confirmation). */
export function sameAs(other: string, message: string): Rule {
  return (form) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== form.getFieldValue(other)) throw new Error(message);
    },
  });
}

/**
 * Validates whole-form values with a schema; puts every issue under its field and returns the
 * parsed value, or null. Issues about a whole list (path ['printers']) go to `onOther`.
 */
export function parseInto<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  onOther?: (message: string) => void,
): z.output<S> | null {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const byField = new Map<string, string[]>();
  for (const issue of r.error.issues) {
    const { message, field } = issueMessage(schema, issue);
    const key = field ?? '';
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  const fields = [...byField].map(([key, errors]) => ({ name: fieldPath(key), errors }));
  form.setFields(fields.filter((f) => f.name[0] !== '' && isLeafField(form, f.name)));
  const others = fields.filter((f) => f.name[0] === '' || !isLeafField(form, f.name));
  for (const o of others) o.errors.forEach((m) => onOther?.(m));
  const first = fields.find((f) => f.name[0] !== '' && isLeafField(form, f.name));
  if (first) form.focusField(first.name);
  return null;
}

/** Whether the path names an input the form renders (not a list as a whole). */
function isLeafField(form: FormInstance, name: (string | number)[]): boolean {
  const value: unknown = form.getFieldValue(name);
  return !Array.isArray(value);
}
