// The console's own labels in Chinese: resources, fields, menus, pages, messages.
const entityFields = {
  kind: '主体类型', name: '名称', creditCode: '统一社会信用代码', legalRepresentative: '法定代表人', phone: '联系电话',
  townshipCode: '所在乡镇', villageCode: '所在村', townshipName: '乡镇', villageName: '村', address: '地址',
  registeredCapital: '注册资本（元）', memberCount: '成员人数', establishedAt: '成立日期', industryIds: '所属产业', industries: '所属产业',
  version: '版本', q: '名称或信用代码',
};

export const zhApp = {
  resources: {
    townships: { name: '乡镇', fields: { code: '区划代码', name: '名称', kind: '类型', villages: '行政村数', q: '搜索' } },
    villages: {
      name: '行政村',
      fields: {
        code: '区划代码', name: '名称', kind: '类型', formerlyPoor: '原贫困村', exitYear: '出列年份', townshipCode: '所属乡镇',
        townshipName: '乡镇', population2019: '2019 年农村户籍人口', population2020: '2020 年农村户籍人口', q: '名称',
      },
    },
    households: {
      name: '住户',
      fields: {
        householdNumber: '户编号', townshipCode: '乡镇', villageCode: '村', townshipName: '乡镇', villageName: '村', address: '住址',
        phone: '联系电话', headName: '户主', registered: '建档立卡户', registeredYear: '建档立卡年份', status: '脱贫状态',
        liftedYear: '脱贫年份', monitoringCategory: '监测对象类别', monitoringSince: '纳入监测日期', riskEliminatedAt: '风险消除日期',
        riskTypes: '风险类型', members: '家庭成员', incomeRecords: '历年收入', contracts: '利益联结合同', employment: '就业情况',
        version: '版本', q: '户编号、户主或住址',
      },
    },
    persons: {
      name: '人员',
      fields: {
        name: '姓名', idNumber: '身份证号', gender: '性别', birthDate: '出生日期', birthYear: '出生年份', age: '年龄', relation: '与户主关系', phone: '联系电话',
        laborCapacity: '劳动能力', health: '健康状况', chronicIllnessCertificate: '慢性病证号', disabilityCertificate: '残疾证号',
        disabilityGrade: '残疾等级', schooling: '在校情况', basicMedicalInsurance: '基本医疗保险', criticalIllnessInsurance: '大病保险',
        medicalAssistance: '医疗救助', pensionInsurance: '养老保险', deceasedAt: '死亡日期', householdId: '所在户', householdNumber: '户编号',
        version: '版本', q: '姓名或完整身份证号',
      },
    },
    industries: { name: '产业', fields: { code: '产业代码', name: '产业名称', category: '产业类别', version: '版本', q: '名称或代码' } },
    cooperatives: { name: '合作社', fields: entityFields },
    leadingEnterprises: { name: '龙头企业', fields: entityFields },
    familyFarms: { name: '家庭农场', fields: entityFields },
    workshops: { name: '扶贫车间/工厂', fields: entityFields },
    parkBases: { name: '园区基地', fields: entityFields },
    businessEntities: { name: '经营主体', fields: entityFields },
    contracts: {
      name: '利益联结合同',
      fields: {
        contractNumber: '合同编号', entityId: '经营主体', entityName: '经营主体', householdId: '住户', householdNumber: '户编号',
        mode: '联结方式', shareKind: '入股方式', startDate: '开始日期', endDate: '结束日期', annualBenefit: '约定年收益（元）',
        payouts: '兑付记录', paidAt: '兑付日期', amount: '金额（元）', note: '备注', version: '版本',
      },
    },
    collectiveIncomes: {
      name: '村集体经济收入',
      fields: {
        villageCode: '村', villageName: '村', townshipCode: '乡镇', year: '年份', source: '收入来源', amount: '金额（元）', version: '版本',
      },
    },
    employments: {
      name: '就业记录',
      fields: {
        personId: '就业人员', personName: '姓名', householdNumber: '户编号', channel: '就业渠道', employerId: '用工主体',
        employerName: '用工主体', postName: '岗位', startDate: '开始日期', endDate: '结束日期', monthlyWage: '月工资（元）',
        active: '在岗', townshipCode: '乡镇', villageCode: '村', version: '版本',
      },
    },
    employmentChannels: {
      name: '就业渠道',
      fields: { code: '渠道代码', name: '渠道名称', kind: '就业方式', employedCount: '在岗人数' },
    },
    users: {
      name: '用户',
      fields: {
        username: '用户名', displayName: '姓名', role: '角色', regionCode: '数据范围（区划代码）', department: '部门',
        canReadPersonalData: '可查看个人信息', active: '启用', createdAt: '创建时间', password: '初始密码', q: '搜索',
      },
    },
  },
  app: {
    title: '防返贫监测与帮扶管理后台',
    language: '语言',
    menu: { dashboard: '首页', reports: '指标报表', regions: '区划与住户', economy: '产业与利益联结', employment: '就业', system: '系统' },
    auth: {
      expired: '登录已过期或无效，请重新登录',
      wrong_password: '用户名或密码错误',
      too_many_attempts: '登录尝试过于频繁，请稍等几分钟再试',
      role: '角色', region: '数据范围', personal: '可查看个人信息',
    },
    conflict: {
      message: '该记录已被他人修改。请重新加载最新数据后再修改。',
      reload: '重新加载',
    },
    forbidden: '您无权执行此操作或数据超出您的管辖区域',
    validation: {
      identifier: '%{detail}',
      money: '金额须为数字，最多两位小数',
      year: '年份须在 %{min}–%{max} 之间',
    },
    masked: '已脱敏（无查看个人信息权限）',
    export: { running: '正在导出：已读取 %{loaded} / %{total} 条', done: '已导出 %{count} 条', button: '导出 Excel' },
    payout: { record: '登记兑付', title: '登记兑付', saved: '兑付已登记' },
    dashboard: {
      title: '指标概览',
      incidence: '贫困发生率（%）',
      lifted: '当年脱贫户数',
      dualIncome: '各乡镇双增收（%）',
      collectiveGrowth: '村集体收入增长（%）',
      farmerGrowth: '农民人均纯收入增长（%）',
      employment: '各就业渠道就业人数',
      coverage: '利益联结覆盖率',
      linked: '已联结住户',
      contracts: '有效合同数',
      year: '年份',
      township: '乡镇',
      no_data: '暂无数据',
      cube_error: '指标服务暂不可用：%{message}',
    },
    report: {
      title: '指标报表',
      view: '指标视图',
      measures: '度量',
      dimensions: '维度',
      region: '区域（乡镇）',
      years: '年份',
      run: '查询',
      xlsx: '导出 Excel',
      csv: '导出 CSV',
      chart: '图表',
      table: '表格',
      all_regions: '全部（本人数据范围）',
      rows: '共 %{count} 行',
    },
    household: {
      members: '家庭成员',
      incomes: '历年收入',
      contracts: '利益联结合同',
      employment: '就业情况',
      netIncome: '纯收入', perCapitaNetIncome: '人均纯收入', year: '年份', members_count: '人口',
      wageIncome: '工资性收入', businessIncome: '生产经营性收入', propertyIncome: '财产性收入', transferIncome: '转移性收入',
      productionExpenses: '生产经营费用',
    },
    township: { villages: '所辖行政村' },
    village: { households: '本村住户', collective: '村集体经济收入（按年份、来源）', indicators: '本村指标（来自指标服务）' },
    users: {
      resetPassword: '重置密码', resetPasswordTitle: '重置用户 %{username} 的密码', newPassword: '新密码', passwordReset: '密码已重置',
      usernameRule: '用户名应为 3–40 位小写字母、数字或 _ . -', passwordRule: '密码至少 10 位', demoPassword: '不能使用演示默认密码',
      regionRule: '行政区划代码应为 6、9 或 12 位数字', regionHelp: '县 6 位、乡镇 9 位、村 12 位；须在您的管辖区域内',
    },
    unavailable: '该数据暂不可用：%{message}',
  },
};
