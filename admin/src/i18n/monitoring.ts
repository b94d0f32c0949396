// Labels of the monitoring screens (cases, warnings, visits, alerts, imports,
// assistance plans), zh-CN and English, merged into the messages by index.ts
// (resources.* and monitoring.*). The monitoring enums' labels are the kernel's
// (kernel/labels.ts).
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
