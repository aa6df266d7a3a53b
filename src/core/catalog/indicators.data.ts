/**
 * The indicator catalogue, verbatim from standard/indicators.csv (a test keeps the two
 * equal). Adding an indicator is pasting a line here; catalog.ts parses and validates it.
 */
export const INDICATORS_CSV = `form,code,name_zh,name_en,unit,kind,decimals,required,part_of,formula,target,better,key,ref,ref_note
JS00,BASE_POP,常住人口,Resident population,万人,amount,2,yes,,,,,no,275.00,"approximate resident population of a city of the Baotou size; used for per-100k rates"
JS00,BASE_JUSTICE_OFFICES,司法所,Grassroots justice offices,个,count,0,no,,,,,no,85,"seed 001: 85 justice offices and public legal service centres"
JS00,BASE_PLS_PLATFORMS,公共法律服务实体平台,Public legal service centres,个,count,0,no,,,,,no,,
JS01,LA_CASES,办理法律援助案件,Legal aid cases handled,件,count,0,yes,,,,up,yes,1985,"seed 000 (2025)"
JS01,LA_CASES_CRIMINAL,其中：刑事案件,of which criminal,件,count,0,yes,LA_CASES,,,,no,,
JS01,LA_CASES_CIVIL,其中：民事案件,of which civil,件,count,0,yes,LA_CASES,,,,no,,
JS01,LA_CASES_ADMIN,其中：行政案件,of which administrative,件,count,0,yes,LA_CASES,,,,no,,
JS01,LA_CASES_MIGRANT_WAGE,其中：农民工讨薪案件,of which migrant-worker wage claims,件,count,0,no,LA_CASES,,,,no,,"seed 004"
JS01,LA_CASES_ELDERLY,其中：老年人案件,of which elderly clients,件,count,0,no,LA_CASES,,,,no,,"seed 004"
JS01,LA_CASES_MINOR,其中：未成年人案件,of which minors,件,count,0,no,LA_CASES,,,,no,,"seed 004"
JS01,LA_CONSULTS,法律援助咨询,Legal aid consultations,人次,count,0,no,,,,up,no,,
JS01,LA_RECOVERED,为受援人挽回经济损失,Losses recovered for clients,万元,amount,2,no,,,,up,no,,"seed 004"
JS01,LA_PER_100K,每10万人法律援助案件数,Legal aid cases per 100k residents,件/10万人,rate,1,no,,LA_CASES / BASE_POP * 10,>= 115,up,yes,,"seed 003: not less than 115 per 100k residents (annual target)"
JS01,LA_REVIEWED,法律援助案件质量评查,Legal aid case quality reviews,件,count,0,no,,,,up,no,,"seed 004"
JS01,LA_SATISFACTION,受援人满意度,Client satisfaction,%,percent,2,no,,,,up,no,,"seed 004"
JS02,NOT_CASES,办理公证事项,Notarial acts,件,count,0,yes,,,,up,yes,65000,"seed 000: 6.5万余件"
JS02,NOT_ONE_VISIT,其中：“最多跑一次”公证事项,of which done in one visit,件,count,0,no,NOT_CASES,,,,no,,"seed 004"
JS02,NOT_ONE_VISIT_RATE,“最多跑一次”公证事项占比,Share done in one visit,%,percent,2,no,,NOT_ONE_VISIT / NOT_CASES * 100,,up,no,,"seed 004"
JS02,FE_CASES,办理司法鉴定案件,Forensic expertise cases,件,count,0,yes,,,,,yes,1300,"seed 000: 1300余件"
JS02,ARB_CASES,受理仲裁案件,Arbitration cases accepted,件,count,0,yes,,,,,yes,600,"seed 000: 600余件"
JS02,ARB_CLOSED,仲裁案件结案,Arbitration cases closed,件,count,0,no,,,,up,no,,
JS02,HL_CALLS,12348热线来电,12348 hotline calls,个,count,0,no,,,,,no,,"seed 004"
JS02,HL_CONSULTS,12348热线解答咨询,12348 hotline consultations answered,人次,count,0,no,,,,up,no,,"seed 004"
JS02,LAW_FIRMS,律师事务所,Law firms,个,count,0,no,,,,,no,,
JS02,LAWYERS,执业律师,Practising lawyers,人,count,0,no,,,,up,no,,
JS02,LAW_PRO_BONO,律师公益法律服务活动,Lawyer pro bono events,场次,count,0,no,,,,up,no,,"seed 004"
JS02,LAW_VILLAGE_SERVED,律师进乡村服务群众,Residents served by lawyers-to-villages,人次,count,0,no,,,,up,no,10000,"seed 000: 超1万人次"
JS03,MED_ORGS,人民调解组织,People's mediation organisations,个,count,0,yes,,,,,no,,
JS03,MED_ORGS_SPECIAL,其中：行业性专业性调解组织,of which sector-specific,个,count,0,no,MED_ORGS,,,,no,165,"seed 000"
JS03,MED_MEDIATORS,人民调解员,People's mediators,人,count,0,no,,,,,no,,
JS03,MED_SCREENINGS,矛盾纠纷排查,Dispute screenings,次,count,0,no,,,,up,no,,"seed 004"
JS03,MED_DISPUTES,调解矛盾纠纷,Disputes mediated,件,count,0,yes,,,,,yes,36000,"seed 000: 3.6万余件"
JS03,MED_SUCCESS,其中：调解成功,of which successful,件,count,0,yes,MED_DISPUTES,,,,no,,
JS03,MED_SUCCESS_RATE,调解成功率,Mediation success rate,%,percent,2,yes,,MED_SUCCESS / MED_DISPUTES * 100,,up,yes,,"seed 002: 453 of 822 = 55.10%"
JS03,MED_AMOUNT,调解涉及金额,Amount involved in mediated disputes,亿元,amount,2,no,,,,,no,,"seed 004"
JS03,MED_CENTERS,一站式矛盾纠纷调解中心,One-stop mediation centres,个,count,0,no,,,,,no,,"seed 004"
JS04,AR_NEW,新收行政复议案件,New administrative reconsideration cases,件,count,0,yes,,,,,yes,1019,"seed 000"
JS04,AR_ACCEPTED,其中：依法受理,of which accepted,件,count,0,yes,AR_NEW,,,,no,,
JS04,AR_CARRYOVER,上年结转案件,Cases carried over,件,count,0,no,,,,,no,,
JS04,AR_CLOSED,审结案件（含上年结转）,Cases closed incl. carried over,件,count,0,yes,,,,,no,,
JS04,AR_SETTLED,其中：调解和解,of which mediated or settled,件,count,0,yes,AR_CLOSED,,,,no,,
JS04,AR_CORRECTED,其中：纠错,of which corrected (revoked/varied/declared unlawful),件,count,0,yes,AR_CLOSED,,,,no,,
JS04,AR_SETTLE_RATE,调解和解率,Settlement rate,%,percent,2,yes,,AR_SETTLED / AR_CLOSED * 100,,up,yes,24.38,"seed 000"
JS04,AR_CORRECT_RATE,纠错率,Correction rate,%,percent,2,yes,,AR_CORRECTED / AR_CLOSED * 100,,,yes,11.55,"seed 000"
JS04,LIT_CASES,行政应诉案件（一审审结）,Administrative litigation cases concluded,件,count,0,yes,,,,,no,,
JS04,LIT_LOST,其中：败诉,of which lost,件,count,0,yes,LIT_CASES,,,,no,,
JS04,LIT_LOSS_RATE,行政诉讼败诉率,Litigation loss rate,%,percent,2,yes,,LIT_LOST / LIT_CASES * 100,,down,yes,16.94,"seed 002 (2023)"
JS04,LIT_HEARINGS,开庭审理案件,Cases heard in court,件,count,0,no,,,,,no,,
JS04,LIT_HEAD_APPEAR,其中：行政机关负责人出庭应诉,of which agency head appeared,件,count,0,no,LIT_HEARINGS,,,,no,,
JS04,LIT_HEAD_APPEAR_RATE,行政机关负责人出庭应诉率,Agency-head court appearance rate,%,percent,2,no,,LIT_HEAD_APPEAR / LIT_HEARINGS * 100,= 100,up,yes,,"seed 003: keep at 100%"
JS05,LEG_REVIEWS,合法性审核（规范性文件、合同等）,Legality reviews,件,count,0,yes,,,,,yes,900,"seed 000: 900余件"
JS05,LEG_MAJOR_DECISIONS,重大行政决策事项备案,Major administrative decisions filed,件,count,0,no,,,,,no,30,"seed 002 (2023)"
JS05,LEG_NORMATIVE_FILED,规范性文件备案审查,Normative documents filed for review,件,count,0,yes,,,,,no,,
JS05,LEG_NORMATIVE_COMPLIANT,其中：备案审查规范,of which compliant,件,count,0,yes,LEG_NORMATIVE_FILED,,,,no,,
JS05,LEG_FILING_RATE,规范性文件备案审查规范率,Normative filing compliance rate,%,percent,2,yes,,LEG_NORMATIVE_COMPLIANT / LEG_NORMATIVE_FILED * 100,= 100,up,yes,100,"seed 000: 100%"
JS05,LEG_COUNSEL,法律顾问提供法律服务,Services by government legal counsel,次,count,0,no,,,,up,yes,24000,"seed 000: 2.4万余次, +15% YoY"
JS05,ENF_INSPECTED_DEPTS,法治督察部门,Departments inspected,个,count,0,no,,,,,no,19,"seed 000"
JS05,ENF_FILE_REVIEWS,行政执法案卷评查,Enforcement files reviewed,卷,count,0,no,,,,,no,,"seed 004"
JS05,ENF_FILE_EXCELLENT,其中：优秀案卷,of which excellent,卷,count,0,no,ENF_FILE_REVIEWS,,,,no,,
JS05,ENF_ISSUES_FOUND,执法监督发现问题,Enforcement problems found,个,count,0,no,,,,,no,,
JS05,ENF_ISSUES_FIXED,其中：已整改,of which fixed,个,count,0,no,ENF_ISSUES_FOUND,,,,no,,
JS05,ENF_ENTERPRISE_INSPECTIONS,涉企行政检查,Administrative inspections of enterprises,次,count,0,no,,,,down,yes,,"seed 000: frequency down about 30% YoY (a fall is the goal)"
JS06,PL_TRAININGS,法治专题学习培训,Rule-of-law training sessions,场次,count,0,no,,,,up,no,310,"seed 000: 310余场次"
JS06,PL_EVENTS,普法主题宣传活动,Legal awareness events,场,count,0,yes,,,,up,yes,4000,"seed 000: 4000余场"
JS06,PL_VOLUNTEERS,普法志愿者,Legal awareness volunteers,人,count,0,no,,,,up,no,6000,"seed 000"
JS06,PL_VENUES_NEW,新建法治文化阵地,New rule-of-law culture venues,个,count,0,no,,,,up,no,6,"seed 000"
JS06,PL_LEGAL_LITERATE,培育“法律明白人”,Community legal advisers trained,名,count,0,no,,,,up,no,4248,"seed 000"
JS06,PL_POSTS,发布普法信息,Legal awareness posts published,条,count,0,no,,,,up,no,700,"seed 000: 700余条"
JS06,PL_VIEWS,新媒体普法阅读量,Online readership,万人次,amount,2,no,,,,up,no,,"seed 004"
JS07,CC_START,期初在册社区矫正对象,Persons under community correction at start,人,count,0,yes,,,,,no,,
JS07,CC_NEW,新接收社区矫正对象,Newly received,人,count,0,yes,,,,,no,,"seed 004"
JS07,CC_RELEASED,解除矫正,Released from correction,人,count,0,yes,,,,,no,,"seed 004"
JS07,CC_END,期末在册社区矫正对象,Persons under community correction at end,人,count,0,yes,,CC_START + CC_NEW - CC_RELEASED,,,yes,,"seed 004: stock-flow identity"
JS07,CC_REOFFEND,社区矫正对象再犯罪,Reoffences by persons under correction,人,count,0,yes,,,,down,no,,
JS07,CC_REOFFEND_RATE,社区矫正对象再犯罪率,Reoffence rate,%,percent,2,yes,,CC_REOFFEND / (CC_START + CC_NEW) * 100,,down,yes,,"seed 004"
JS07,CC_CHECK_RATE,信息化核查率,Electronic check rate,%,percent,2,yes,,,= 100,up,no,100,"seed 004"
JS07,CC_VISIT_RATE,重点对象实地查访覆盖率,Field visit coverage of priority persons,%,percent,2,no,,,= 100,up,no,100,"seed 004"
JS07,RP_RELEASED,刑满释放人员,Persons released from prison,人,count,0,no,,,,,no,,
JS07,RP_HANDOVER,其中：衔接,of which handed over,人,count,0,no,RP_RELEASED,,,,no,,
JS07,RP_HANDOVER_RATE,刑满释放人员衔接率,Hand-over rate,%,percent,2,no,,RP_HANDOVER / RP_RELEASED * 100,,up,no,,"seed 004"
JS07,RP_ASSISTED,其中：帮教,of which assisted,人,count,0,no,RP_RELEASED,,,,no,,
JS07,RP_ASSIST_RATE,刑满释放人员帮教率,Assistance rate,%,percent,2,no,,RP_ASSISTED / RP_RELEASED * 100,,up,no,,"seed 004"
`;
