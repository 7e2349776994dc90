import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { formatCell } from './types';
import type { Cell, ReportSection } from './types';

type Row = Record<string, Cell> & { __key: number };

/** One report section as an antd table: the columns and formats the report itself declares. */
export function SectionTable({ section, index }: { section: ReportSection; index: number }) {
  const m = useMessages(M);
  const columns: TableColumnsType<Row> = section.columns.map((c) => ({
    key: c.key, title: c.title, dataIndex: c.key, align: c.format === 'text' ? 'left' : 'right',
    ellipsis: c.format === 'text' && (c.key === 'title' || c.key === 'representative'),
    render: (v: Cell) => formatCell(v, c.format, m('points')),
  }));
  return (
    <Card size="small" title={`${index + 1}. ${section.title}`} data-testid={`report-section-${section.key}`} style={{ marginBottom: 12 }}>
      {section.note ? <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{section.note}</Typography.Paragraph> : null}
      <Table<Row> size="small" rowKey="__key" columns={columns} dataSource={section.rows.map((r, i) => ({ ...r, __key: i }))}
        pagination={section.rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: m('noRows') }} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
