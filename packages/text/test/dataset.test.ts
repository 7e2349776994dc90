import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { TextInputError, formatFromName, labelledRows, parseCsv, readTable } from '../src/index';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and newlines inside fields, CRLF and a BOM', () => {
    const csv = '\ufefftitle,body,label\r\n"噪音, 扰民","他说""太吵""\n晚上",环境保护\r\n\r\n路灯,不亮,城乡建设';
    assert.deepEqual(parseCsv(csv), [['title', 'body', 'label'], ['噪音, 扰民', '他说"太吵"\n晚上', '环境保护'], ['路灯', '不亮', '城乡建设']]);
  });
});

describe('readTable', () => {
  it('reads JSONL and reports the line of bad JSON', async () => {
    assert.deepEqual(await readTable(bytes('{"a":1}\n\n{"a":2}\n'), 'jsonl'), [{ a: 1 }, { a: 2 }]);
    await assert.rejects(readTable(bytes('{"a":1}\n{oops'), 'jsonl'), (e: unknown) => e instanceof TextInputError && /line 2/.test(e.message));
    await assert.rejects(readTable(bytes('[1,2]'), 'jsonl'), TextInputError);
  });

  it('reads CSV with a header row', async () => {
    assert.deepEqual(await readTable(bytes('title,label\n停水,城乡建设\n'), 'csv'), [{ title: '停水', label: '城乡建设' }]);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('诉求');
    ws.addRow(['标题', '内容', '类别']);
    ws.addRow(['噪音扰民', '工地夜间施工', '环境保护']);
    ws.addRow(['拖欠工资', 12345, '劳动和社会保障']);
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    const records = await readTable(buffer, 'xlsx');
    assert.deepEqual(records, [{ 标题: '噪音扰民', 内容: '工地夜间施工', 类别: '环境保护' }, { 标题: '拖欠工资', 内容: '12345', 类别: '劳动和社会保障' }]);
    assert.deepEqual(labelledRows(records, ['标题', '内容'], '类别')[0], { text: '噪音扰民\n工地夜间施工', label: '环境保护' });
  });

  it('rejects bytes that are not a workbook', async () => {
    await assert.rejects(readTable(bytes('not a zip'), 'xlsx'), TextInputError);
  });

  it('knows formats by extension', () => {
    assert.equal(formatFromName('a/b.JSONL'), 'jsonl');
    assert.equal(formatFromName('x.csv'), 'csv');
    assert.equal(formatFromName('x.xlsx'), 'xlsx');
    assert.equal(formatFromName('x.txt'), undefined);
  });
});

describe('labelledRows', () => {
  it('joins text fields in order and names missing fields, empty data, blank labels and empty text', () => {
    assert.deepEqual(labelledRows([{ title: '甲', body: '乙', label: 'L' }], ['title', 'body'], 'label'), [{ text: '甲\n乙', label: 'L' }]);
    const fails = (f: () => unknown, re: RegExp): void => assert.throws(f, (e: unknown) => e instanceof TextInputError && e.code === 'invalid_input' && re.test(e.message));
    fails(() => labelledRows([], ['text'], 'label'), /no rows/);
    fails(() => labelledRows([{ text: 'x' }], ['text'], 'label'), /missing field\(s\) label/);
    fails(() => labelledRows([{ text: 'x', label: '' }], ['text'], 'label'), /row 1: empty label/);
    fails(() => labelledRows([{ text: 'x', label: 'a' }, { text: ' ', label: 'a' }], ['text'], 'label'), /row 2: no text/);
  });
});
