import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of every page: the h1 Playwright and screen readers find, actions on the right. */
export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children && <div style={{ marginTop: 8 }}>{children}</div>}
    </div>
  );
}
