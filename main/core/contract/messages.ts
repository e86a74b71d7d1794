import type { z } from 'zod';

// Turns zod issues into one sentence a clerk can act on: which field, what is wrong, in Chinese.
// Field names come from `.describe('中文名')` on the schema; the path is kept for the form.

type Issue = z.core.$ZodIssue;

function describeAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: unknown = schema;
  let label: string | undefined;
  for (const key of path) {
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } })
      ?.def;
    let guard = 0;
    // Unwrap optional/nullable/default wrappers before stepping into the object.
    let d = def;
    while (d && d.innerType && guard++ < 5) {
      current = d.innerType;
      d = (current as { def?: typeof def }).def;
    }
    if (d?.type === 'object' && d.shape && typeof key === 'string') current = d.shape[key];
    else if (d?.type === 'array' && typeof key === 'number') current = d.element;
    else return label;
    const description = (current as { description?: string } | undefined)?.description;
    if (description) label = description;
  }
  return label;
}

function sentence(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : '格式不正确';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '必须填写' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少选择 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字符`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return `包含不认识的字段：${issue.keys.join('、')}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message || '输入有误';
  }
}

export interface FormattedIssue {
  message: string;
  field?: string;
}

const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

export function formatIssues(schema: z.ZodType, issues: readonly Issue[]): FormattedIssue {
  const first = issues[0];
  if (!first) return { message: '输入有误' };
  const label = describeAt(schema, first.path);
  // A schema's own Chinese wording (a regex's or a refinement's message) beats the generic one.
  const text = hasChinese(first.message) ? first.message : sentence(first);
  const field = first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处需要修改）` : '';
  // Name the field unless the sentence already does.
  const message = label && !text.includes(label) ? `「${label}」${text}${more}` : `${text}${more}`;
  return field === undefined ? { message } : { message, field };
}
