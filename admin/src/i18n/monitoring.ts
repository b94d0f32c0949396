// Labels of the monitoring screens (cases, warnings, visits, alerts, imports,
// assistance plans) and of the API's monitoring enums, zh-CN and English.
// Merged into the messages by index.ts (resources.* and monitoring.*) and
// into ENUMS by enums.ts.
type Labels = Record<string, [zh: string, en: string]>;

export const MONITORING_ENUMS = {
  CaseStage: {
    DECLARED: ['申报', 'Declared'], VERIFIED: ['入户核实', 'Verified'], VILLAGE_REVIEWED: ['村两委研究', 'Village review'],
    TOWNSHIP_REVIEWED: ['乡镇审核', 'Township review'], APPROVED: ['县级审定', 'Approved by county'], REJECTED: ['不予纳入', 'Rejected'],
    RISK_ELIMINATED: ['风险消除', 'Risk eliminated'],
  },
  CaseAction: {
    VERIFY: ['入户核实', 'Verify at home'], REVIEW_IN_VILLAGE: ['村两委研究', 'Village review'], REVIEW_IN_TOWNSHIP: ['乡镇审核', 'Township review'],
    APPROVE: ['县级审定', 'County approval'], REJECT: ['不予纳入', 'Reject'], ELIMINATE_RISK: ['风险消除', 'Eliminate risk'],
  },
  CaseSource: {
    SCREENING: ['筛查预警', 'Screening warning'], DEPARTMENT_ALERT: ['部门预警', 'Department alert'], VISIT: ['干部走访', 'Cadre visit'],
    SELF_DECLARATION: ['自愿申报', 'Self-declaration'],
  },
  WarningKind: { EDGE_CANDIDATE: ['边缘易致贫候选', 'Edge candidate'], RETURN_RISK: ['脱贫户返贫风险', 'Return-to-poverty risk'] },
  WarningLevel: { RED: ['红色预警', 'Red'], ORANGE: ['橙色预警', 'Orange'], YELLOW: ['黄色预警', 'Yellow'] },
  WarningStatus: { OPEN: ['待处理', 'Open'], CASE_OPENED: ['已转入申报', 'Case opened'], DISMISSED: ['不予纳入', 'Dismissed'] },
  VisitAspect: {
    FOOD: ['吃', 'Food'], CLOTHING: ['穿', 'Clothing'], COMPULSORY_EDUCATION: ['义务教育', 'Compulsory education'],
    BASIC_MEDICAL: ['基本医疗', 'Basic medical care'], HOUSING_SAFETY: ['住房安全', 'Housing safety'], DRINKING_WATER: ['饮水安全', 'Drinking water'],
    POPULATION_CHANGE: ['人口变化', 'Population change'], SPECIALTY_FARMING: ['特色种养', 'Specialty farming'],
    HOUSEHOLD_ENVIRONMENT: ['户容户貌', 'Household environment'],
  },
  AlertKind: {
    DECEASED_MEMBER_COUNTED: ['已死亡仍在册', 'Deceased member counted'], DIBAO_NOT_REGISTERED: ['低保户未纳入', 'Dibao not registered'],
    EXTREME_POVERTY_NOT_REGISTERED: ['特困户未纳入', 'Extreme poverty not registered'], HIGH_MEDICAL_EXPENSES: ['高额医疗费用', 'High medical expenses'],
    MEMBER_MOVED_AWAY: ['户籍迁出', 'Member moved away'], NEW_DISABILITY_CERTIFICATE: ['新办残疾证', 'New disability certificate'],
    SCHOOL_DROPOUT: ['辍学', 'School dropout'], UNSAFE_HOUSING: ['住房不安全', 'Unsafe housing'],
  },
  AlertStatus: { OPEN: ['待核实', 'Open'], CONFIRMED: ['已确认', 'Confirmed'], DISMISSED: ['已排除', 'Dismissed'] },
  AlertDecision: { CONFIRM: ['属实', 'Confirm'], DISMISS: ['排除', 'Dismiss'] },
  Department: {
    CIVIL_AFFAIRS: ['民政', 'Civil affairs'], DISABLED_PERSONS_FEDERATION: ['残联', 'Disabled persons’ federation'], EDUCATION: ['教育', 'Education'],
    HEALTH: ['卫健（医保）', 'Health'], HOUSING: ['住建', 'Housing'], PUBLIC_SECURITY: ['公安', 'Public security'],
  },
  DatasetKind: {
    DEATHS: ['死亡人员', 'Deaths'], DIBAO: ['低保', 'Dibao'], DISABILITY_CERTIFICATES: ['残疾证', 'Disability certificates'],
    EXTREME_POVERTY_SUPPORT: ['特困供养', 'Extreme-poverty support'], HOUSING_SAFETY: ['住房安全鉴定', 'Housing safety'],
    MEDICAL_EXPENSES: ['医疗费用', 'Medical expenses'], MOVES: ['户籍迁移', 'Household moves'], SCHOOL_ENROLMENT: ['学籍', 'School enrolment'],
  },
  ImportStatus: { PROCESSING: ['处理中', 'Processing'], COMPLETED: ['已完成', 'Completed'], REJECTED: ['已拒收', 'Rejected'] },
  MeasureKind: {
    BENEFIT_LINKAGE: ['产业/利益联结', 'Benefit linkage'], EDUCATION: ['教育资助', 'Education'], EMPLOYMENT: ['就业帮扶', 'Employment'],
    HOUSING: ['住房保障', 'Housing'], MEDICAL: ['健康帮扶', 'Medical'], POLICY: ['其他政策', 'Other policy'], SAFETY_NET: ['兜底保障', 'Safety net'],
  },
  MeasureStatus: { PLANNED: ['计划中', 'Planned'], IN_PROGRESS: ['落实中', 'In progress'], DONE: ['已落实', 'Done'], CANCELLED: ['已取消', 'Cancelled'] },
} satisfies Record<string, Labels>;

const household = { householdId: '住户', householdNumber: '户编号', headName: '户主', villageName: '村', townshipName: '乡镇', townshipCode: '乡镇', villageCode: '村' };
const householdEn = {
  householdId: 'Household', householdNumber: 'Household no.', headName: 'Head', villageName: 'Village', townshipName: 'Township',
  townshipCode: 'Township', villageCode: 'Village',
};

export const monitoringZh = {
  resources: {
    monitoringCases: {
      name: '监测对象申报',
      fields: {
        ...household, stage: '当前阶段', category: '拟纳入类别', source: '来源', riskTypes: '风险类型', reason: '申报理由', declaredAt: '申报时间',
        transitions: '流转记录', warningId: '筛查预警', alertId: '部门预警', visitId: '走访记录',
      },
    },
    warnings: {
      name: '筛查预警',
      fields: { ...household, year: '年度', kind: '预警类别', level: '预警等级', status: '状态', perCapitaNetIncome: '人均纯收入（元）', reasons: '触发原因', createdAt: '预警时间' },
    },
    visits: {
      name: '走访记录',
      fields: { ...household, visitedAt: '走访日期', note: '备注', cadreName: '走访干部', failedCount: '风险点数', aspects: '九个方面', riskPoints: '风险点', createdAt: '登记时间' },
    },
    alerts: {
      name: '部门比对预警',
      fields: {
        ...household, kind: '预警类型', status: '状态', detail: '说明', eventDate: '事件日期', department: '来源部门', datasetKind: '数据集',
        createdAt: '预警时间', reviewNote: '审核意见', reviewedAt: '审核时间', reviewerName: '审核人', personName: '人员',
      },
    },
    departmentImports: {
      name: '部门数据导入',
      fields: {
        department: '部门', kind: '数据类型', fileName: '文件名', status: '状态', rowCount: '数据行数', badRowCount: '未导入行数',
        importedAt: '导入时间', importedByName: '导入人', file: '文件', progress: '进度',
      },
    },
    assistancePlans: {
      name: '帮扶方案',
      fields: { ...household, summary: '方案概述', createdAt: '制定时间', measures: '帮扶措施' },
    },
  },
  monitoring: {
    menu: '防返贫监测',
    declare: '申报监测',
    timeline: '流转记录',
    no_action: '当前没有需要您办理的步骤',
    waiting_for: '等待：%{step}（%{role}）',
    closed: '案件已办结',
    reason: '理由',
    opinion: '意见（可选）',
    reason_required: '请填写理由',
    done: '已办理：%{step}',
    actor: '办理人',
    at: '时间',
    from_to: '%{from} → %{to}',
    visit: { record: '登记走访', aspect: '方面', passed: '达标', note: '未达标说明', failed_note: '未达标时请说明情况' },
    screening: {
      run: '运行筛查', year: '筛查年度', title: '筛查结果', region: '筛查范围', evaluated: '评估住户', candidates: '应预警住户', raised: '新增预警',
      updated: '更新预警', unchanged: '无变化', withdrawn: '撤回预警', settled: '已转入流程', by_level: '按等级',
    },
    alert: { confirm: '确认属实', dismiss: '排除', note: '审核意见', note_required: '排除时须填写理由', reviewed: '预警已审核' },
    import: {
      upload: '上传', choose_file: '选择文件', uploading: '正在上传…', processing: '正在处理：%{processed} / %{total} 行',
      report: '导入报告', bad_rows: '未导入的行', line: '行号', reason: '原因', matched: '比对到人员', unmatched: '未比对到人员',
      already: '此前已导入', alerts: '产生预警', duplicates: '重复行', truncated: '未导入的行过多，仅列出前 1000 行', rejected: '整份文件被拒收：%{reason}',
      no_bad_rows: '所有行均已导入', need_file: '请选择文件', open: '查看导入记录',
    },
    plan: {
      create: '制定帮扶方案', add_measure: '添加措施', whole_household: '全户', person: '家庭成员', kind: '措施类别', description: '措施内容',
      status: '落实状态', saved: '已保存',
    },
  },
};

export const monitoringEn: typeof monitoringZh = {
  resources: {
    monitoringCases: {
      name: 'Monitoring case |||| Monitoring cases',
      fields: {
        ...householdEn, stage: 'Stage', category: 'Category', source: 'Source', riskTypes: 'Risks', reason: 'Reason', declaredAt: 'Declared at',
        transitions: 'History', warningId: 'Screening warning', alertId: 'Department alert', visitId: 'Visit',
      },
    },
    warnings: {
      name: 'Warning |||| Warnings',
      fields: {
        ...householdEn, year: 'Year', kind: 'Kind', level: 'Level', status: 'Status', perCapitaNetIncome: 'Net income per capita',
        reasons: 'Reasons', createdAt: 'Raised at',
      },
    },
    visits: {
      name: 'Visit |||| Visits',
      fields: {
        ...householdEn, visitedAt: 'Visited on', note: 'Note', cadreName: 'Cadre', failedCount: 'Risk points', aspects: 'Nine aspects',
        riskPoints: 'Risk points', createdAt: 'Recorded at',
      },
    },
    alerts: {
      name: 'Department alert |||| Department alerts',
      fields: {
        ...householdEn, kind: 'Kind', status: 'Status', detail: 'Detail', eventDate: 'Event date', department: 'Department', datasetKind: 'Dataset',
        createdAt: 'Raised at', reviewNote: 'Review note', reviewedAt: 'Reviewed at', reviewerName: 'Reviewer', personName: 'Person',
      },
    },
    departmentImports: {
      name: 'Department import |||| Department imports',
      fields: {
        department: 'Department', kind: 'Dataset', fileName: 'File name', status: 'Status', rowCount: 'Rows', badRowCount: 'Bad rows',
        importedAt: 'Imported at', importedByName: 'Imported by', file: 'File', progress: 'Progress',
      },
    },
    assistancePlans: {
      name: 'Assistance plan |||| Assistance plans',
      fields: { ...householdEn, summary: 'Summary', createdAt: 'Created at', measures: 'Measures' },
    },
  },
  monitoring: {
    menu: 'Monitoring',
    declare: 'Declare for monitoring',
    timeline: 'History',
    no_action: 'Nothing for you to do on this case now',
    waiting_for: 'Waiting for: %{step} (%{role})',
    closed: 'The case is closed',
    reason: 'Reason',
    opinion: 'Opinion (optional)',
    reason_required: 'A reason is required',
    done: 'Done: %{step}',
    actor: 'By',
    at: 'At',
    from_to: '%{from} → %{to}',
    visit: { record: 'Record a visit', aspect: 'Aspect', passed: 'Passed', note: 'Note if failed', failed_note: 'Describe what is wrong' },
    screening: {
      run: 'Run screening', year: 'Year', title: 'Screening report', region: 'Region', evaluated: 'Evaluated', candidates: 'Candidates', raised: 'Raised',
      updated: 'Updated', unchanged: 'Unchanged', withdrawn: 'Withdrawn', settled: 'Settled', by_level: 'By level',
    },
    alert: { confirm: 'Confirm', dismiss: 'Dismiss', note: 'Review note', note_required: 'A note is required to dismiss', reviewed: 'Alert reviewed' },
    import: {
      upload: 'Upload', choose_file: 'Choose file', uploading: 'Uploading…', processing: 'Processing: %{processed} / %{total} rows',
      report: 'Import report', bad_rows: 'Rows not imported', line: 'Line', reason: 'Reason', matched: 'Matched', unmatched: 'Unmatched',
      already: 'Already imported', alerts: 'Alerts raised', duplicates: 'Duplicate lines', truncated: 'Too many bad rows: only the first 1000 are listed',
      rejected: 'File rejected: %{reason}', no_bad_rows: 'Every row was imported', need_file: 'Choose a file', open: 'Open the import',
    },
    plan: {
      create: 'New assistance plan', add_measure: 'Add measure', whole_household: 'Whole household', person: 'Member', kind: 'Kind',
      description: 'Description', status: 'Status', saved: 'Saved',
    },
  },
};
