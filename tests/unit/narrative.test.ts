/**
 * The narrative rules of src/core/summary/narrative.ts, one test each, on figures of the
 * published sample (包头市2025年度司法行政工作综述: 法律援助案件1985件, 公证6.5万余件,
 * 新收行政复议案件1019件, 调解和解率24.38% …) with last year's figures chosen for the case.
 */
import { buildSummary, countText, narrate, movesText, readinessText, scopeWord, valueText } from '../../src/core/summary';
import { getCatalog } from '../../src/core/catalog/catalog';
import type { Figure, ReportModel, TemplateId } from '../../src/core/model/types';
import type { Report } from '../../src/core/report/types';
import type { Locale } from '../../src/core/i18n/locale';

type Pair = [number | null, number | null];

function fig(code: string, [current, previous]: Pair, extra: Partial<Figure> = {}): Figure {
  return { code, current, previous, currentRaw: current, previousRaw: previous, currentIsFormula: false, ...extra };
}

function model(figs: Record<string, Pair>, template: TemplateId = 'half-year', unit = '包头市司法局'): ReportModel {
  return {
    template,
    unit,
    period: template === 'annual' ? '2025' : '2025H1',
    figures: new Map(Object.entries(figs).map(([c, v]) => [c, fig(c, v)])),
    history: new Map(),
    missing: [],
  };
}

const REPORT: Report = { ready: true, counts: { error: 0, warning: 0, info: 0 }, explained: 0, findings: [], skipped: [] };

/** The full narrative (every indicator, with its items): the rules below are about sentences. */
function paragraphs(m: ReportModel, locale: Locale = 'zh-CN') {
  return narrate(buildSummary(REPORT, m, { locale }), m, locale, { scope: 'all' });
}
function textOf(m: ReportModel, form: string, locale: Locale = 'zh-CN'): string {
  const p = paragraphs(m, locale).find((x) => x.form === form);
  if (!p) throw new Error(`no paragraph for ${form}`);
  return p.text;
}

describe('year on year', () => {
  test('rise: 1985 against 1862 is 同比增长6.6%, in the voice of a work report', () => {
    expect(textOf(model({ LA_CASES: [1985, 1862] }), 'JS01')).toBe('上半年，全市共办理法律援助案件1985件，同比增长6.6%。');
  });

  test('fall: 1019 against 1100 is 同比下降7.4%', () => {
    expect(textOf(model({ AR_NEW: [1019, 1100] }), 'JS04')).toBe('上半年，全市共新收行政复议案件1019件，同比下降7.4%。');
  });

  test('a whole-number rate drops its .0: 24000 against 20870 is 同比增长15%', () => {
    expect(textOf(model({ LEG_COUNSEL: [24000, 20870] }), 'JS05')).toContain('同比增长15%');
  });

  test('flat: equal figures, and a rate that rounds to 0.0%, are 与上年同期持平', () => {
    expect(textOf(model({ LA_CASES: [1985, 1985] }), 'JS01')).toBe('上半年，全市共办理法律援助案件1985件，与上年同期持平。');
    expect(textOf(model({ LA_CASES: [10003, 10000] }), 'JS01')).toContain('10003件，与上年同期持平');
    // 0.05% rounds up to 0.1%: not flat.
    expect(textOf(model({ LA_CASES: [2001, 2000] }), 'JS01')).toContain('2001件，同比增长0.1%');
  });

  test('missing last year: 上年同期无可比数据; last year 0: 上年同期为0', () => {
    expect(textOf(model({ LA_CASES: [1985, null] }), 'JS01')).toBe('上半年，全市共办理法律援助案件1985件，上年同期无可比数据。');
    expect(textOf(model({ LA_CASES: [12, 0] }), 'JS01')).toContain('12件，上年同期为0');
    expect(textOf(model({ LA_CASES: [0, 0] }), 'JS01')).toContain('0件，与上年同期持平');
  });

  test('percent indicators move in percentage points: 为55.1%，较上年同期提高/降低X个百分点', () => {
    const up = textOf(model({ MED_SUCCESS_RATE: [55.1, 50] }), 'JS03');
    expect(up).toContain('调解成功率为55.1%，较上年同期提高5.1个百分点');
    const down = textOf(model({ AR_SETTLE_RATE: [24.38, 26.5] }), 'JS04');
    expect(down).toContain('调解和解率为24.4%，较上年同期降低2.1个百分点');
    expect(down).not.toContain('同比');
    expect(textOf(model({ AR_SETTLE_RATE: [24.38, 24.4] }), 'JS04')).toContain('调解和解率为24.4%，与上年同期持平');
  });

  test('a percent below 1% keeps its catalogue decimals: 再犯罪率为0.14%，较上年同期降低0.14个百分点', () => {
    expect(textOf(model({ CC_REOFFEND_RATE: [0.14, 0.28] }), 'JS07')).toBe('上半年，全市社区矫正对象再犯罪率为0.14%，较上年同期降低0.14个百分点。');
    expect(textOf(model({ CC_REOFFEND_RATE: [0.14, 1.5] }), 'JS07')).toContain('为0.14%，较上年同期降低1.4个百分点');
  });
});

describe('blank figures', () => {
  test('a blank indicator gets no sentence, and a form with nothing filled gets no paragraph', () => {
    const m = model({ LA_CASES: [1985, 1862], LA_CONSULTS: [null, 3000], NOT_CASES: [null, null] });
    const ps = paragraphs(m);
    expect(ps.map((p) => p.form)).toEqual(['JS01']);
    expect(ps[0]?.text).not.toContain('法律援助咨询');
    expect(ps[0]?.title).toBe('法律援助工作情况');
  });

  test('text in a number cell is blank for the narrative', () => {
    const m = model({ LA_CASES: [1985, 1862] });
    (m.figures as Map<string, Figure>).set('LA_CONSULTS', fig('LA_CONSULTS', [null, 2800], { currentRaw: '约2.4万' }));
    expect(textOf(m, 'JS01')).not.toContain('咨询');
  });

  test('a model with no figures has no paragraphs at all', () => {
    expect(paragraphs(model({}))).toEqual([]);
  });
});

describe('targets', () => {
  test('annual target met: 每10万人法律援助案件数达到X件，完成年度目标', () => {
    const text = textOf(model({ LA_PER_100K: [120.5, 110] }, 'annual'), 'JS01');
    expect(text).toContain('每10万人法律援助案件数达到120.5件，同比增长9.5%，完成年度目标');
  });

  test('annual target missed: 为X件，未达到年度目标（115件）', () => {
    const text = textOf(model({ LA_PER_100K: [72.2, 68] }, 'annual'), 'JS01');
    expect(text).toContain('每10万人法律援助案件数为72.2件，同比增长6.2%，未达到年度目标（115件）');
  });

  test('half-year: a flow target applies pro rata (115 × 0.5 = 57.5)', () => {
    expect(textOf(model({ LA_PER_100K: [60, 55] }), 'JS01')).toContain('每10万人法律援助案件数达到60件，同比增长9.1%，达到年度目标时序进度');
    expect(textOf(model({ LA_PER_100K: [50, 55] }), 'JS01')).toContain('每10万人法律援助案件数为50件，同比下降9.1%，未达到年度目标时序进度（57.5件）');
  });

  test('a percent target (= 100) is not pro rata, and met reads 达到100%', () => {
    expect(textOf(model({ LEG_FILING_RATE: [100, 100] }), 'JS05')).toContain('规范性文件备案审查规范率达到100%，与上年同期持平，完成年度目标');
    expect(textOf(model({ LEG_FILING_RATE: [98.5, 100] }), 'JS05')).toContain('规范性文件备案审查规范率为98.5%，较上年同期降低1.5个百分点，未达到年度目标（100%）');
  });
});

describe('numbers', () => {
  test('counts of 10000 or more that are multiples of 1000 are written in 万, others in full', () => {
    expect(countText(65000, 'zh-CN')).toBe('6.5万');
    expect(countText(36000, 'zh-CN')).toBe('3.6万');
    expect(countText(10000, 'zh-CN')).toBe('1万');
    expect(countText(123000, 'zh-CN')).toBe('12.3万');
    expect(countText(12345, 'zh-CN')).toBe('12345');
    expect(countText(65500, 'zh-CN')).toBe('65500');
    expect(countText(9000, 'zh-CN')).toBe('9000');
    expect(countText(1985, 'zh-CN')).toBe('1985');
    expect(countText(65000, 'en-US')).toBe('65,000');
  });

  test('in a sentence: 公证事项6.5万件, 律师进乡村服务群众1万人次, amounts trimmed', () => {
    const m = model({ NOT_CASES: [65000, 60000], LAW_VILLAGE_SERVED: [10000, null] }, 'annual');
    const text = textOf(m, 'JS02');
    expect(text).toContain('全年，全市共办理公证事项6.5万件，同比增长8.3%');
    expect(text).toContain('律师进乡村服务群众1万人次');
    const cat = getCatalog();
    const ind = (c: string) => {
      const i = cat.byCode.get(c);
      if (!i) throw new Error(c);
      return i;
    };
    expect(valueText(ind('BASE_POP'), 275, 'zh-CN')).toBe('275万人');
    expect(valueText(ind('LA_RECOVERED'), 350.5, 'zh-CN')).toBe('350.5万元');
    expect(valueText(ind('MED_SUCCESS_RATE'), 55.1, 'zh-CN')).toBe('55.1%');
    expect(valueText(ind('CC_REOFFEND_RATE'), 0.04, 'zh-CN')).toBe('0.04%');
  });
});

describe('period and place', () => {
  test('the period word comes from the template: 上半年 / 全年', () => {
    expect(textOf(model({ LA_CASES: [1985, 1862] }, 'half-year'), 'JS01').startsWith('上半年，')).toBe(true);
    expect(textOf(model({ LA_CASES: [1985, 1862] }, 'annual'), 'JS01').startsWith('全年，')).toBe(true);
  });

  test('the place word: 全市 for a city bureau, 全区 / 全旗 for others, the name otherwise', () => {
    expect(scopeWord('包头市司法局', 'zh-CN')).toBe('全市');
    expect(scopeWord('昆都仑区司法局', 'zh-CN')).toBe('全区');
    expect(scopeWord('土默特右旗司法局', 'zh-CN')).toBe('全旗');
    expect(scopeWord('固阳县', 'zh-CN')).toBe('全县');
    expect(scopeWord('', 'zh-CN')).toBe('全市');
    expect(scopeWord('包头仲裁委员会', 'zh-CN')).toBe('包头仲裁委员会');
    expect(textOf(model({ LA_CASES: [300, 250] }, 'annual', '青山区司法局'), 'JS01')).toBe('全年，全区共办理法律援助案件300件，同比增长20%。');
  });

  test('共 only before a flow count named by a verb: not before a level or a noun', () => {
    expect(textOf(model({ MED_ORGS: [300, 300], MED_DISPUTES: [36000, 35000] }), 'JS03')).toMatch(/^上半年，全市人民调解组织300个，与上年同期持平；调解矛盾纠纷3\.6万件/);
    expect(textOf(model({ MED_DISPUTES: [36000, 35000] }), 'JS03')).toMatch(/^上半年，全市共调解矛盾纠纷3\.6万件，同比增长2\.9%/);
    expect(textOf(model({ RP_RELEASED: [200, 180] }), 'JS07')).toMatch(/^上半年，全市刑满释放人员200人/);
  });
});

describe('structure', () => {
  test('breakdown items read 其中，刑事案件X件、民事案件Y件 (blank items left out)', () => {
    const m = model({ LA_CASES: [1985, 1862], LA_CASES_CRIMINAL: [600, 500], LA_CASES_CIVIL: [1300, 1200], LA_CASES_ADMIN: [85, 162], LA_CASES_ELDERLY: [null, null] });
    expect(textOf(m, 'JS01')).toBe('上半年，全市共办理法律援助案件1985件，同比增长6.6%；其中，刑事案件600件、民事案件1300件、行政案件85件。');
  });

  test('with the whole blank, its items stand without 其中', () => {
    expect(textOf(model({ LA_CASES_CRIMINAL: [600, 500] }), 'JS01')).toBe('上半年，全市刑事案件600件。');
  });

  test('derived rates follow their counts, before the next indicator of the form', () => {
    const m = model(
      { LA_CASES: [1985, 1862], LA_CASES_CRIMINAL: [600, 500], LA_CONSULTS: [5000, 4000], LA_PER_100K: [72.2, 68] },
      'annual',
    );
    const text = textOf(m, 'JS01');
    const i = (s: string) => text.indexOf(s);
    expect(i('其中，刑事案件600件')).toBeGreaterThan(i('办理法律援助案件1985件'));
    expect(i('每10万人法律援助案件数')).toBeGreaterThan(i('其中，刑事案件600件'));
    expect(i('法律援助咨询5000人次')).toBeGreaterThan(i('每10万人法律援助案件数'));
    const rp = textOf(model({ RP_RELEASED: [200, 180], RP_HANDOVER: [198, 170], RP_HANDOVER_RATE: [99, 94.44], RP_ASSISTED: [190, 160], RP_ASSIST_RATE: [95, 88.89] }), 'JS07');
    expect(rp).toBe(
      '上半年，全市刑满释放人员200人，同比增长11.1%；其中，衔接198人、帮教190人；刑满释放人员衔接率为99%，较上年同期提高4.6个百分点；刑满释放人员帮教率为95%，较上年同期提高6.1个百分点。',
    );
  });

  test('a derived cell holding its formula but no cached result is computed from its counts', () => {
    const m = model({ LA_CASES: [1985, null], BASE_POP: [275, null] }, 'annual');
    (m.figures as Map<string, Figure>).set('LA_PER_100K', fig('LA_PER_100K', [null, null], { currentIsFormula: true }));
    expect(textOf(m, 'JS01')).toContain('每10万人法律援助案件数为72.2件');
  });

  test('the text follows the figures (nothing is hard-coded)', () => {
    expect(textOf(model({ LA_CASES: [2000, 1000] }), 'JS01')).toBe('上半年，全市共办理法律援助案件2000件，同比增长100%。');
    expect(textOf(model({ LA_CASES: [500, 1000] }), 'JS01')).toBe('上半年，全市共办理法律援助案件500件，同比下降50%。');
  });

  test('one paragraph per filled form, in form order, titled by the form', () => {
    const m = model({ CC_NEW: [120, 100], LA_CASES: [1985, 1862], BASE_POP: [275, 274] });
    expect(paragraphs(m).map((p) => [p.form, p.title])).toEqual([
      ['JS00', '基本情况'],
      ['JS01', '法律援助工作情况'],
      ['JS07', '社区矫正与安置帮教工作情况'],
    ]);
  });
});

describe('en-US', () => {
  test('a plainer English narrative exists', () => {
    const m = model({ LA_CASES: [1985, 1862], LA_CASES_CRIMINAL: [600, 500], LA_CASES_CIVIL: [1300, 1200], LA_PER_100K: [50, 55] });
    const p = paragraphs(m, 'en-US').find((x) => x.form === 'JS01');
    expect(p?.title).toBe('Legal aid');
    expect(p?.text).toBe(
      'In the first half, legal aid cases handled: 1,985, up 6.6% year on year; of which criminal 600, civil 1,300; legal aid cases per 100k residents: 50, down 9.1% year on year, behind the pro-rata annual target (57.5).',
    );
    expect(textOf(model({ MED_SUCCESS_RATE: [55.1, 50] }, 'annual'), 'JS03', 'en-US')).toBe(
      'In the year, mediation success rate: 55.1%, up 5.1 points.',
    );
  });
});

describe('moves and readiness sentences', () => {
  test('largest rises and falls, with breakdown items named by their whole', () => {
    const m = model({ LA_CASES: [1985, 1862], LA_CASES_CRIMINAL: [600, 500], NOT_CASES: [65000, 70000], LA_CASES_ADMIN: [60, 15] });
    const s = buildSummary(REPORT, m);
    expect(movesText(s, 'zh-CN')).toBe(
      '与上年同期相比，增幅居前的有办理法律援助案件中的刑事案件（增长20%）、办理法律援助案件（增长6.6%）；降幅居前的有办理公证事项（下降7.1%）。',
    );
    expect(movesText(buildSummary(REPORT, model({ LA_CASES: [1985, null] })), 'zh-CN')).toBeNull();
  });

  test('可以报送 / 不可报送 with the counts', () => {
    const m = model({ LA_CASES: [1985, 1862] });
    expect(readinessText(buildSummary(REPORT, m), 'zh-CN')).toBe('审核结果：可以报送。无错误，无待说明的警告。');
    const blocked: Report = {
      ready: false,
      counts: { error: 1, warning: 2, info: 0 },
      explained: 1,
      skipped: [],
      findings: [
        { rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {} },
        { rule: 'A1', severity: 'warning', code: 'LA_CONSULTS', form: 'JS01', messageId: 'required-blank', params: {} },
        { rule: 'A1', severity: 'warning', code: 'NOT_CASES', form: 'JS02', messageId: 'required-blank', params: {}, explanation: '业务调整' },
      ],
    };
    expect(readinessText(buildSummary(blocked, m), 'zh-CN')).toBe('审核结果：不可报送。尚有错误1项、未说明的警告1项，请修正或填写说明后再报送。');
    expect(readinessText(buildSummary(blocked, m, { locale: 'en-US' }), 'en-US')).toMatch(/^Not ready to submit: 1 error/);
  });
});

describe('what leaders read (the default narrative)', () => {
  const leaders = (m: ReportModel, locale: Locale = 'zh-CN') => narrate(buildSummary(REPORT, m, { locale }), m, locale);

  test('key indicators only, without their breakdown items', () => {
    const m = model({ LA_CASES: [1985, 1862], LA_CASES_CRIMINAL: [600, 500], LA_CONSULTS: [5000, 4000], LA_PER_100K: [60, 55] });
    expect(leaders(m).find((p) => p.form === 'JS01')?.text).toBe(
      '上半年，全市共办理法律援助案件1985件，同比增长6.6%；每10万人法律援助案件数达到60件，同比增长9.1%，达到年度目标时序进度。',
    );
    // A form with only non-key figures gets no paragraph.
    expect(leaders(model({ RP_RELEASED: [200, 180], LA_CASES: [1985, 1862] })).map((p) => p.form)).toEqual(['JS01']);
  });

  test('持平 for a count and for a percent whose change rounds to zero, in both languages', () => {
    const m = model({ FE_CASES: [1300, 1300], MED_SUCCESS_RATE: [55.02, 55] }, 'annual');
    expect(textOf(m, 'JS02')).toBe('全年，全市共办理司法鉴定案件1300件，与上年同期持平。');
    expect(textOf(m, 'JS03')).toBe('全年，全市调解成功率为55%，与上年同期持平。');
    expect(textOf(m, 'JS02', 'en-US')).toBe('In the year, forensic expertise cases: 1,300, unchanged.');
  });
});

describe('a change explained as a change of scope (口径)', () => {
  const scoped = (explanation: string): ReportModel => {
    const m = model({ LA_CASES: [3000, 1862], NOT_CASES: [65000, 60000] }, 'annual');
    (m.figures as Map<string, Figure>).set('LA_CASES', fig('LA_CASES', [3000, 1862], { explanation }));
    return m;
  };

  test('the narrative says it is not comparable instead of a rise', () => {
    const text = textOf(scoped('自2025年起将法律咨询转办案件纳入统计口径'), 'JS01');
    expect(text).toBe('全年，全市共办理法律援助案件3000件，因统计口径调整，与上年同期不可比。');
    expect(text).not.toContain('增长');
    expect(textOf(scoped('自2025年起将法律咨询转办案件纳入统计口径'), 'JS01', 'en-US')).toBe('In the year, legal aid cases handled: 3,000, not comparable (change of statistical scope).');
  });

  test('an explanation that says the scope did not change is an ordinary rise', () => {
    expect(textOf(scoped('统计口径未变，增长系新设工作站'), 'JS01')).toContain('同比增长61.1%');
    expect(textOf(scoped('与上年口径一致'), 'JS01')).toContain('同比增长61.1%');
  });

  test('it is not headlined among the rises, and is mentioned with its explanation', () => {
    const m = scoped('统计范围扩大至旗县区');
    const s = buildSummary(REPORT, m);
    expect(s.rises.map((r) => r.code)).toEqual(['NOT_CASES']);
    expect(movesText(s, 'zh-CN')).toBe(
      '与上年同期相比，增幅居前的有办理公证事项（增长8.3%）。办理法律援助案件因统计口径调整，与上年同期不可比，未列入增减排序（说明：统计范围扩大至旗县区）。',
    );
  });
});
