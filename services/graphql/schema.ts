// Assembles the schema: each domain area registers its types on the one builder
// when imported. The printed, sorted result is /schema.graphql.
import { isObjectType } from 'graphql';
import { builder } from './builder.ts';
import { registerNodeTypes } from './globalId.ts';
import '../auth/login.ts';
import '../auth/user.ts';
import '../regions/township.ts';
import '../regions/village.ts';
import '../households/household.ts';
import '../households/person.ts';
import '../households/incomeRecord.ts';
import '../households/mutations.ts';
import '../collective/villageCollectiveIncome.ts';
import '../employment/employment.ts';
import '../employment/employmentChannel.ts';
import '../industries/industry.ts';
import '../entities/businessEntity.ts';
import '../entities/entityMutations.ts';
import '../linkage/benefitLinkageContract.ts';
import '../linkage/contractMutations.ts';
import '../linkage/contractPayout.ts';
import '../monitoring/monitoringCase.ts';
import '../monitoring/caseWorkflow.ts';
import '../monitoring/assistancePlan.ts';
import '../monitoring/warning.ts';
import '../monitoring/screeningRule.ts';
import '../monitoring/screening.ts';
import '../monitoring/visit.ts';
import '../crosscheck/alert.ts';
import '../crosscheck/departmentImport.ts';

export const schema = builder.toSchema({ sortSchema: true });
registerNodeTypes(
  Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name),
);
