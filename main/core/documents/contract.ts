import { z } from 'zod';
import { channel, returns, sessionAccess } from '../contract/define';
import type { FileOutput } from '../contract/fields';

export const documentsContract = {
  'documents.testPage': channel({
    input: z.object({ printer: z.string().max(60).nullable().describe('打印机') }).strict(),
    output: returns<FileOutput>(),
    access: sessionAccess,
    summary: '生成打印测试页 PDF（中文字体、生僻字、打印偏移校准格）',
    mutates: true,
  }),
};
