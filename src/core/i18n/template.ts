/** Words written into template sheets (headers, the cover, validation messages). */
import type { Locale } from './locale';

const ZH = {
  title: '{unit}司法行政统计报表（{template}）',
  formTitle: '{name}',
  subtitle: '填报单位：{unit}　　报告期：{period}',
  headers: ['序号', '指标名称', '指标代码', '计量单位', '本期', '上年同期', '增减量', '同比(%)', '说明'],
  cover: ['填报单位', '报告期', '报表类型', '填报人', '联系电话', '审核人', '填报日期'],
  coverNotes: [
    '填报说明：',
    '1. 各表“本期”“上年同期”列只填数字，不要带单位、“约”“余”等文字；无数据留空，数值为零填 0。',
    '2. 灰色单元格为公式自动计算，请勿覆盖。',
    '3. 数据有较大变动、未达目标等情况，请在“说明”列写明原因。',
    '4. 报送前请用“报表助手”校验：无错误且所有警告均已说明后方可报送。',
  ],
  historyHeader: '指标代码',
  countError: '请输入不小于 0 的整数',
  amountError: '请输入不小于 0 的数字',
  percentError: '请输入 0 至 100 之间的数字',
  errorTitle: '数据不符合要求',
};

const EN: typeof ZH = {
  title: '{unit} Justice Administration Statistical Report ({template})',
  formTitle: '{name}',
  subtitle: 'Reporting unit: {unit}    Period: {period}',
  headers: ['No.', 'Indicator', 'Code', 'Unit', 'This period', 'Last year', 'Change', 'YoY (%)', 'Explanation'],
  cover: ['Reporting unit', 'Period', 'Report type', 'Prepared by', 'Telephone', 'Reviewed by', 'Date'],
  coverNotes: [
    'How to fill in:',
    '1. Type numbers only in "This period" and "Last year": no units or words such as "about"; leave no-data cells blank and type 0 for zero.',
    '2. Grey cells are formulas; do not type over them.',
    '3. Explain large changes and missed targets in the "Explanation" column.',
    '4. Check with the Report assistant before submitting: no errors, and every warning explained.',
  ],
  historyHeader: 'Code',
  countError: 'Enter a whole number of 0 or more',
  amountError: 'Enter a number of 0 or more',
  percentError: 'Enter a number between 0 and 100',
  errorTitle: 'Invalid figure',
};

export function templateText(locale: Locale): typeof ZH {
  return locale === 'en-US' ? EN : ZH;
}
