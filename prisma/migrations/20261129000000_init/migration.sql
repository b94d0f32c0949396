-- CreateEnum
CREATE TYPE "TownshipKind" AS ENUM ('TOWN', 'TOWNSHIP', 'DEVELOPMENT_ZONE');

-- CreateEnum
CREATE TYPE "VillageKind" AS ENUM ('VILLAGE', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "PovertyStatus" AS ENUM ('NOT_LIFTED', 'LIFTED');

-- CreateEnum
CREATE TYPE "MonitoringCategory" AS ENUM ('UNSTABLE_LIFTED', 'EDGE', 'SUDDEN_HARDSHIP');

-- CreateEnum
CREATE TYPE "RiskType" AS ENUM ('ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'ACCIDENT', 'BUSINESS_FAILURE', 'UNSTABLE_EMPLOYMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "HouseholdRelation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "LaborCapacity" AS ENUM ('FULL', 'PARTIAL', 'NONE', 'NOT_WORKING_AGE');

-- CreateEnum
CREATE TYPE "HealthStatus" AS ENUM ('HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'DISABLED');

-- CreateEnum
CREATE TYPE "SchoolingStage" AS ENUM ('NOT_IN_SCHOOL', 'PRESCHOOL', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'TERTIARY', 'DROPPED_OUT');

-- CreateEnum
CREATE TYPE "IndustryCategory" AS ENUM ('PLANTING', 'BREEDING', 'PROCESSING', 'STRAW_UTILIZATION', 'MACHINERY_SERVICE', 'LABOUR_SERVICE', 'RURAL_TOURISM', 'E_COMMERCE', 'OTHER');

-- CreateEnum
CREATE TYPE "BusinessEntityKind" AS ENUM ('COOPERATIVE', 'LEADING_ENTERPRISE', 'FAMILY_FARM', 'POVERTY_ALLEVIATION_WORKSHOP', 'INDUSTRIAL_PARK_BASE');

-- CreateEnum
CREATE TYPE "LinkageMode" AS ENUM ('SHARE_COOPERATION', 'NEARBY_EMPLOYMENT', 'ORDER_FARMING', 'LAND_TRANSFER', 'ENTRUSTED_MANAGEMENT');

-- CreateEnum
CREATE TYPE "ShareKind" AS ENUM ('LAND', 'FUNDS', 'ASSETS');

-- CreateEnum
CREATE TYPE "CollectiveIncomeSource" AS ENUM ('MECHANIZATION_SERVICE', 'STRAW_UTILIZATION', 'LAND_TRANSFER_PLATFORM', 'LABOUR_COMPANY', 'ASSET_LEASING', 'OTHER');

-- CreateEnum
CREATE TYPE "EmploymentChannelCode" AS ENUM ('INDUSTRIAL_PARK_BASE', 'POVERTY_ALLEVIATION_FACTORY', 'COOPERATIVE', 'PUBLIC_WELFARE_POST', 'HOME_BASED');

-- CreateEnum
CREATE TYPE "EmploymentChannelKind" AS ENUM ('INDIRECT', 'DIRECT');

-- CreateEnum
CREATE TYPE "CadreLevel" AS ENUM ('COUNTY_LEADER', 'SECTION_LEVEL', 'GENERAL');

-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('ASSISTANCE', 'SECTION_CONTRACT');

-- CreateEnum
CREATE TYPE "VisitAspect" AS ENUM ('FOOD', 'CLOTHING', 'COMPULSORY_EDUCATION', 'BASIC_MEDICAL', 'HOUSING_SAFETY', 'DRINKING_WATER', 'POPULATION_CHANGE', 'SPECIALTY_FARMING', 'HOUSEHOLD_ENVIRONMENT');

-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('RED', 'ORANGE', 'YELLOW');

-- CreateEnum
CREATE TYPE "WarningKind" AS ENUM ('RETURN_RISK', 'EDGE_CANDIDATE');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('OPEN', 'CASE_OPENED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('SELF_DECLARATION', 'VISIT', 'SCREENING', 'DEPARTMENT_ALERT');

-- CreateEnum
CREATE TYPE "CaseStage" AS ENUM ('DECLARED', 'VERIFIED', 'VILLAGE_REVIEWED', 'TOWNSHIP_REVIEWED', 'APPROVED', 'REJECTED', 'RISK_ELIMINATED');

-- CreateEnum
CREATE TYPE "Department" AS ENUM ('PUBLIC_SECURITY', 'CIVIL_AFFAIRS', 'DISABLED_PERSONS_FEDERATION', 'HEALTH', 'EDUCATION', 'HOUSING');

-- CreateEnum
CREATE TYPE "DatasetKind" AS ENUM ('DEATHS', 'MOVES', 'DIBAO', 'EXTREME_POVERTY_SUPPORT', 'DISABILITY_CERTIFICATES', 'SCHOOL_ENROLMENT', 'MEDICAL_EXPENSES', 'HOUSING_SAFETY');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PROCESSING', 'COMPLETED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('DECEASED_MEMBER_COUNTED', 'MEMBER_MOVED_AWAY', 'DIBAO_NOT_REGISTERED', 'EXTREME_POVERTY_NOT_REGISTERED', 'NEW_DISABILITY_CERTIFICATE', 'SCHOOL_DROPOUT', 'HIGH_MEDICAL_EXPENSES', 'UNSAFE_HOUSING');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('EMPLOYMENT', 'BENEFIT_LINKAGE', 'SAFETY_NET', 'EDUCATION', 'MEDICAL', 'HOUSING', 'POLICY');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SafetyNetKind" AS ENUM ('DIBAO', 'EXTREME_POVERTY_SUPPORT', 'TEMPORARY_ASSISTANCE', 'PENSION_INSURANCE', 'MEDICAL_INSURANCE');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'PAID', 'DENIED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('RECEIVED', 'ROUTED', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PointsKind" AS ENUM ('HYGIENE_RATING', 'VIRTUE_RATING', 'POINTS_LABOUR', 'REDEMPTION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE', 'STATISTICIAN', 'DEPARTMENT_USER');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('LOGIN', 'READ_PERSONAL_DATA', 'CREATE', 'UPDATE', 'DELETE');

-- CreateTable
CREATE TABLE "township" (
    "code" VARCHAR(9) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "kind" "TownshipKind" NOT NULL,

    CONSTRAINT "township_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "village" (
    "code" VARCHAR(12) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "kind" "VillageKind" NOT NULL,
    "formerly_poor" BOOLEAN NOT NULL,
    "exit_year" INTEGER,

    CONSTRAINT "village_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "village_statistic" (
    "village_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "rural_population" INTEGER NOT NULL,
    "rural_households" INTEGER NOT NULL,

    CONSTRAINT "village_statistic_pkey" PRIMARY KEY ("village_code","year")
);

-- CreateTable
CREATE TABLE "household" (
    "id" SERIAL NOT NULL,
    "household_number" VARCHAR(20) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "address" VARCHAR(120) NOT NULL,
    "phone" VARCHAR(20),
    "registered" BOOLEAN NOT NULL,
    "registered_year" INTEGER,
    "status" "PovertyStatus",
    "lifted_year" INTEGER,
    "monitoring_category" "MonitoringCategory",
    "monitoring_since" DATE,
    "risk_eliminated_at" DATE,
    "risk_types" "RiskType"[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "gender" "Gender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "relation" "HouseholdRelation" NOT NULL,
    "phone" VARCHAR(20),
    "labor_capacity" "LaborCapacity" NOT NULL,
    "health" "HealthStatus" NOT NULL,
    "chronic_illness_certificate" VARCHAR(30),
    "disability_certificate" VARCHAR(30),
    "disability_grade" INTEGER,
    "schooling" "SchoolingStage" NOT NULL,
    "basic_medical_insurance" BOOLEAN NOT NULL DEFAULT false,
    "critical_illness_insurance" BOOLEAN NOT NULL DEFAULT false,
    "medical_assistance" BOOLEAN NOT NULL DEFAULT false,
    "pension_insurance" BOOLEAN NOT NULL DEFAULT false,
    "deceased_at" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "income_record" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "wage_income" DECIMAL(14,2) NOT NULL,
    "business_income" DECIMAL(14,2) NOT NULL,
    "property_income" DECIMAL(14,2) NOT NULL,
    "transfer_income" DECIMAL(14,2) NOT NULL,
    "production_expenses" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "income_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_doctor_contract" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "signed_at" DATE NOT NULL,
    "doctor_name" VARCHAR(40) NOT NULL,
    "clinic_name" VARCHAR(60) NOT NULL,

    CONSTRAINT "family_doctor_contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_doctor_follow_up" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "visited_at" DATE NOT NULL,
    "note" VARCHAR(200),

    CONSTRAINT "family_doctor_follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_clinic" (
    "village_code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "up_to_standard" BOOLEAN NOT NULL,
    "renovated_year" INTEGER,

    CONSTRAINT "village_clinic_pkey" PRIMARY KEY ("village_code")
);

-- CreateTable
CREATE TABLE "water_plant" (
    "id" SERIAL NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "is_model" BOOLEAN NOT NULL,
    "capacity_tons_per_day" INTEGER NOT NULL,

    CONSTRAINT "water_plant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "water_quality_check" (
    "id" SERIAL NOT NULL,
    "plant_id" INTEGER NOT NULL,
    "checked_at" DATE NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" VARCHAR(200),

    CONSTRAINT "water_quality_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "house_renovation" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "grade" VARCHAR(1) NOT NULL,
    "subsidy" DECIMAL(14,2) NOT NULL,
    "completed_at" DATE,

    CONSTRAINT "house_renovation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relocation" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "persons" INTEGER NOT NULL,
    "destination" VARCHAR(120) NOT NULL,
    "moved_at" DATE NOT NULL,

    CONSTRAINT "relocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "industry" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "category" "IndustryCategory" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "industry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_entity" (
    "id" SERIAL NOT NULL,
    "kind" "BusinessEntityKind" NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "credit_code" VARCHAR(18) NOT NULL,
    "legal_representative" VARCHAR(40) NOT NULL,
    "phone" VARCHAR(20),
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12),
    "address" VARCHAR(120) NOT NULL,
    "registered_capital" DECIMAL(14,2) NOT NULL,
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "established_at" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_entity_industry" (
    "entity_id" INTEGER NOT NULL,
    "industry_id" INTEGER NOT NULL,

    CONSTRAINT "business_entity_industry_pkey" PRIMARY KEY ("entity_id","industry_id")
);

-- CreateTable
CREATE TABLE "benefit_linkage_contract" (
    "id" SERIAL NOT NULL,
    "contract_number" VARCHAR(30) NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "mode" "LinkageMode" NOT NULL,
    "share_kind" "ShareKind",
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "annual_benefit" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benefit_linkage_contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_payout" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "paid_at" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "note" VARCHAR(200),

    CONSTRAINT "contract_payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_collective_income" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "year" INTEGER NOT NULL,
    "source" "CollectiveIncomeSource" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "village_collective_income_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_cadre_pay" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "cadre_name" VARCHAR(40) NOT NULL,
    "post" VARCHAR(40) NOT NULL,
    "basic_pay" DECIMAL(14,2) NOT NULL,
    "performance_pay" DECIMAL(14,2) NOT NULL,
    "growth_reward" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "village_cadre_pay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employment_channel" (
    "code" "EmploymentChannelCode" NOT NULL,
    "name" VARCHAR(20) NOT NULL,
    "kind" "EmploymentChannelKind" NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "employment_channel_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "employment" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "channel_code" "EmploymentChannelCode" NOT NULL,
    "employer_id" INTEGER,
    "post_name" VARCHAR(40),
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "monthly_wage" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "phone" VARCHAR(20),
    "work_unit" VARCHAR(80) NOT NULL,
    "level" "CadreLevel" NOT NULL,
    "township_code" VARCHAR(9),

    CONSTRAINT "cadre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre_assignment" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "kind" "AssignmentKind" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,

    CONSTRAINT "cadre_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "region_pledge" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,

    CONSTRAINT "region_pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_visit" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_codes" TEXT[],
    "visited_at" DATE NOT NULL,
    "findings" VARCHAR(500) NOT NULL,

    CONSTRAINT "inspection_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "visited_at" DATE NOT NULL,
    "note" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_aspect_result" (
    "visit_id" INTEGER NOT NULL,
    "aspect" "VisitAspect" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" VARCHAR(200),

    CONSTRAINT "visit_aspect_result_pkey" PRIMARY KEY ("visit_id","aspect")
);

-- CreateTable
CREATE TABLE "risk_point" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "visit_id" INTEGER,
    "aspect" "VisitAspect",
    "risk_type" "RiskType",
    "description" VARCHAR(200) NOT NULL,
    "raised_at" DATE NOT NULL,
    "resolved_at" DATE,

    CONSTRAINT "risk_point_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "look_back_review" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "reviewed_at" DATE NOT NULL,
    "result_genuine" BOOLEAN NOT NULL,
    "income_meets_line" BOOLEAN NOT NULL,
    "path_clear" BOOLEAN NOT NULL,
    "measures_solid" BOOLEAN NOT NULL,
    "note" VARCHAR(500),

    CONSTRAINT "look_back_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_rule" (
    "year" INTEGER NOT NULL,
    "poverty_line" DECIMAL(14,2) NOT NULL,
    "monitoring_line" DECIMAL(14,2) NOT NULL,
    "grading" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_rule_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "warning" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "WarningKind" NOT NULL,
    "level" "WarningLevel" NOT NULL,
    "reasons" TEXT[],
    "per_capita_net_income" DECIMAL(14,2),
    "status" "WarningStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitoring_case" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "source" "CaseSource" NOT NULL,
    "warning_id" INTEGER,
    "alert_id" INTEGER,
    "visit_id" INTEGER,
    "category" "MonitoringCategory" NOT NULL,
    "risk_types" "RiskType"[],
    "stage" "CaseStage" NOT NULL,
    "reason" VARCHAR(500),
    "declared_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "monitoring_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_transition" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "from_stage" "CaseStage",
    "to_stage" "CaseStage" NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(500),

    CONSTRAINT "case_transition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_import" (
    "id" SERIAL NOT NULL,
    "department" "Department" NOT NULL,
    "kind" "DatasetKind" NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "file_sha256" VARCHAR(64) NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "bad_row_count" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '[]',
    "imported_by_id" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_record" (
    "id" SERIAL NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line_number" INTEGER NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "person_id" INTEGER,
    "event_date" DATE,
    "payload" JSONB NOT NULL,
    "row_key" VARCHAR(64) NOT NULL,

    CONSTRAINT "department_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "household_id" INTEGER,
    "person_id" INTEGER,
    "record_id" INTEGER,
    "county_code" VARCHAR(6) NOT NULL,
    "township_code" VARCHAR(9),
    "village_code" VARCHAR(12),
    "detail" VARCHAR(500) NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "reviewed_by_id" INTEGER,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_note" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_plan" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "assistance_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_measure" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "person_id" INTEGER,
    "kind" "MeasureKind" NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "status" "MeasureStatus" NOT NULL,
    "channel_code" "EmploymentChannelCode",
    "contract_id" INTEGER,
    "safety_net_enrolment_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "assistance_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_net_enrolment" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "person_id" INTEGER,
    "kind" "SafetyNetKind" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "monthly_amount" DECIMAL(14,2),
    "lump_sum" DECIMAL(14,2),

    CONSTRAINT "safety_net_enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insurance_policy" (
    "id" SERIAL NOT NULL,
    "policy_number" VARCHAR(30) NOT NULL,
    "household_id" INTEGER NOT NULL,
    "insurer" VARCHAR(60) NOT NULL,
    "year" INTEGER NOT NULL,
    "premium" DECIMAL(14,2) NOT NULL,
    "coverage" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "insurance_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insurance_claim" (
    "id" SERIAL NOT NULL,
    "policy_id" INTEGER NOT NULL,
    "risk_type" "RiskType" NOT NULL,
    "claimed_at" DATE NOT NULL,
    "amount_claimed" DECIMAL(14,2) NOT NULL,
    "amount_paid" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "status" "ClaimStatus" NOT NULL,

    CONSTRAINT "insurance_claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_window" (
    "id" SERIAL NOT NULL,
    "township_code" VARCHAR(9) NOT NULL,
    "name" VARCHAR(60) NOT NULL,

    CONSTRAINT "service_window_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request" (
    "id" SERIAL NOT NULL,
    "window_id" INTEGER NOT NULL,
    "household_id" INTEGER,
    "applicant" VARCHAR(40) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "service_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_routing" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "department" "Department" NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "response" VARCHAR(300),

    CONSTRAINT "service_routing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "love_supermarket" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(60) NOT NULL,

    CONSTRAINT "love_supermarket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_ledger_entry" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "supermarket_id" INTEGER NOT NULL,
    "kind" "PointsKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "occurred_at" DATE NOT NULL,
    "note" VARCHAR(200),

    CONSTRAINT "points_ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "display_name" VARCHAR(40) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "department" "Department",
    "can_read_personal_data" BOOLEAN NOT NULL DEFAULT false,
    "cadre_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "action" "AuditAction" NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(40),
    "before" JSONB,
    "after" JSONB,
    "detail" VARCHAR(500),

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_info" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seed" INTEGER NOT NULL,
    "scale" INTEGER NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL,
    "checksum" VARCHAR(64),
    "rows" INTEGER NOT NULL,

    CONSTRAINT "dataset_info_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "township_county_code_idx" ON "township"("county_code");

-- CreateIndex
CREATE INDEX "village_county_code_idx" ON "village"("county_code");

-- CreateIndex
CREATE INDEX "village_township_code_idx" ON "village"("township_code");

-- CreateIndex
CREATE INDEX "village_statistic_year_idx" ON "village_statistic"("year");

-- CreateIndex
CREATE UNIQUE INDEX "household_household_number_key" ON "household"("household_number");

-- CreateIndex
CREATE INDEX "household_county_code_idx" ON "household"("county_code");

-- CreateIndex
CREATE INDEX "household_township_code_idx" ON "household"("township_code");

-- CreateIndex
CREATE INDEX "household_village_code_idx" ON "household"("village_code");

-- CreateIndex
CREATE INDEX "household_status_lifted_year_idx" ON "household"("status", "lifted_year");

-- CreateIndex
CREATE INDEX "household_monitoring_category_idx" ON "household"("monitoring_category");

-- CreateIndex
CREATE INDEX "household_registered_registered_year_idx" ON "household"("registered", "registered_year");

-- CreateIndex
CREATE UNIQUE INDEX "person_id_number_key" ON "person"("id_number");

-- CreateIndex
CREATE INDEX "person_household_id_idx" ON "person"("household_id");

-- CreateIndex
CREATE INDEX "person_name_idx" ON "person"("name");

-- CreateIndex
CREATE INDEX "income_record_year_idx" ON "income_record"("year");

-- CreateIndex
CREATE UNIQUE INDEX "income_record_household_id_year_key" ON "income_record"("household_id", "year");

-- CreateIndex
CREATE INDEX "family_doctor_contract_year_idx" ON "family_doctor_contract"("year");

-- CreateIndex
CREATE UNIQUE INDEX "family_doctor_contract_person_id_year_key" ON "family_doctor_contract"("person_id", "year");

-- CreateIndex
CREATE INDEX "family_doctor_follow_up_contract_id_idx" ON "family_doctor_follow_up"("contract_id");

-- CreateIndex
CREATE INDEX "water_plant_township_code_idx" ON "water_plant"("township_code");

-- CreateIndex
CREATE INDEX "water_quality_check_plant_id_checked_at_idx" ON "water_quality_check"("plant_id", "checked_at");

-- CreateIndex
CREATE INDEX "house_renovation_household_id_idx" ON "house_renovation"("household_id");

-- CreateIndex
CREATE INDEX "house_renovation_year_idx" ON "house_renovation"("year");

-- CreateIndex
CREATE UNIQUE INDEX "relocation_household_id_key" ON "relocation"("household_id");

-- CreateIndex
CREATE INDEX "relocation_year_idx" ON "relocation"("year");

-- CreateIndex
CREATE UNIQUE INDEX "industry_code_key" ON "industry"("code");

-- CreateIndex
CREATE UNIQUE INDEX "industry_name_key" ON "industry"("name");

-- CreateIndex
CREATE UNIQUE INDEX "business_entity_credit_code_key" ON "business_entity"("credit_code");

-- CreateIndex
CREATE INDEX "business_entity_kind_township_code_idx" ON "business_entity"("kind", "township_code");

-- CreateIndex
CREATE INDEX "business_entity_county_code_idx" ON "business_entity"("county_code");

-- CreateIndex
CREATE INDEX "business_entity_township_code_idx" ON "business_entity"("township_code");

-- CreateIndex
CREATE INDEX "business_entity_village_code_idx" ON "business_entity"("village_code");

-- CreateIndex
CREATE INDEX "business_entity_industry_industry_id_idx" ON "business_entity_industry"("industry_id");

-- CreateIndex
CREATE UNIQUE INDEX "benefit_linkage_contract_contract_number_key" ON "benefit_linkage_contract"("contract_number");

-- CreateIndex
CREATE INDEX "benefit_linkage_contract_entity_id_idx" ON "benefit_linkage_contract"("entity_id");

-- CreateIndex
CREATE INDEX "benefit_linkage_contract_household_id_idx" ON "benefit_linkage_contract"("household_id");

-- CreateIndex
CREATE INDEX "benefit_linkage_contract_mode_idx" ON "benefit_linkage_contract"("mode");

-- CreateIndex
CREATE INDEX "benefit_linkage_contract_start_date_end_date_idx" ON "benefit_linkage_contract"("start_date", "end_date");

-- CreateIndex
CREATE INDEX "contract_payout_contract_id_paid_at_idx" ON "contract_payout"("contract_id", "paid_at");

-- CreateIndex
CREATE INDEX "village_collective_income_county_code_year_idx" ON "village_collective_income"("county_code", "year");

-- CreateIndex
CREATE INDEX "village_collective_income_township_code_year_idx" ON "village_collective_income"("township_code", "year");

-- CreateIndex
CREATE INDEX "village_collective_income_year_idx" ON "village_collective_income"("year");

-- CreateIndex
CREATE UNIQUE INDEX "village_collective_income_village_code_year_source_key" ON "village_collective_income"("village_code", "year", "source");

-- CreateIndex
CREATE INDEX "village_cadre_pay_village_code_year_idx" ON "village_cadre_pay"("village_code", "year");

-- CreateIndex
CREATE INDEX "employment_person_id_idx" ON "employment"("person_id");

-- CreateIndex
CREATE INDEX "employment_channel_code_idx" ON "employment"("channel_code");

-- CreateIndex
CREATE INDEX "employment_employer_id_idx" ON "employment"("employer_id");

-- CreateIndex
CREATE INDEX "cadre_level_idx" ON "cadre"("level");

-- CreateIndex
CREATE INDEX "cadre_township_code_idx" ON "cadre"("township_code");

-- CreateIndex
CREATE INDEX "cadre_assignment_household_id_idx" ON "cadre_assignment"("household_id");

-- CreateIndex
CREATE UNIQUE INDEX "cadre_assignment_cadre_id_household_id_kind_key" ON "cadre_assignment"("cadre_id", "household_id", "kind");

-- CreateIndex
CREATE INDEX "region_pledge_region_code_idx" ON "region_pledge"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "region_pledge_cadre_id_region_code_key" ON "region_pledge"("cadre_id", "region_code");

-- CreateIndex
CREATE INDEX "inspection_visit_township_code_visited_at_idx" ON "inspection_visit"("township_code", "visited_at");

-- CreateIndex
CREATE INDEX "visit_household_id_visited_at_idx" ON "visit"("household_id", "visited_at");

-- CreateIndex
CREATE INDEX "visit_cadre_id_visited_at_idx" ON "visit"("cadre_id", "visited_at");

-- CreateIndex
CREATE INDEX "risk_point_household_id_resolved_at_idx" ON "risk_point"("household_id", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "risk_point_visit_id_aspect_key" ON "risk_point"("visit_id", "aspect");

-- CreateIndex
CREATE INDEX "look_back_review_household_id_idx" ON "look_back_review"("household_id");

-- CreateIndex
CREATE INDEX "warning_year_level_idx" ON "warning"("year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "warning_household_id_year_key" ON "warning"("household_id", "year");

-- CreateIndex
CREATE INDEX "monitoring_case_household_id_idx" ON "monitoring_case"("household_id");

-- CreateIndex
CREATE INDEX "monitoring_case_township_code_stage_idx" ON "monitoring_case"("township_code", "stage");

-- CreateIndex
CREATE INDEX "monitoring_case_village_code_stage_idx" ON "monitoring_case"("village_code", "stage");

-- CreateIndex
CREATE INDEX "monitoring_case_stage_idx" ON "monitoring_case"("stage");

-- CreateIndex
CREATE INDEX "case_transition_case_id_at_idx" ON "case_transition"("case_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "case_transition_case_id_to_stage_key" ON "case_transition"("case_id", "to_stage");

-- CreateIndex
CREATE INDEX "department_import_department_imported_at_idx" ON "department_import"("department", "imported_at");

-- CreateIndex
CREATE UNIQUE INDEX "department_import_kind_file_sha256_key" ON "department_import"("kind", "file_sha256");

-- CreateIndex
CREATE UNIQUE INDEX "department_record_row_key_key" ON "department_record"("row_key");

-- CreateIndex
CREATE INDEX "department_record_import_id_idx" ON "department_record"("import_id");

-- CreateIndex
CREATE INDEX "department_record_id_number_idx" ON "department_record"("id_number");

-- CreateIndex
CREATE INDEX "alert_township_code_status_idx" ON "alert"("township_code", "status");

-- CreateIndex
CREATE INDEX "alert_status_created_at_idx" ON "alert"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_kind_record_id_key" ON "alert"("kind", "record_id");

-- CreateIndex
CREATE UNIQUE INDEX "assistance_plan_household_id_key" ON "assistance_plan"("household_id");

-- CreateIndex
CREATE INDEX "assistance_measure_plan_id_idx" ON "assistance_measure"("plan_id");

-- CreateIndex
CREATE INDEX "assistance_measure_person_id_idx" ON "assistance_measure"("person_id");

-- CreateIndex
CREATE INDEX "safety_net_enrolment_household_id_idx" ON "safety_net_enrolment"("household_id");

-- CreateIndex
CREATE INDEX "safety_net_enrolment_kind_start_date_idx" ON "safety_net_enrolment"("kind", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "insurance_policy_policy_number_key" ON "insurance_policy"("policy_number");

-- CreateIndex
CREATE INDEX "insurance_policy_household_id_idx" ON "insurance_policy"("household_id");

-- CreateIndex
CREATE INDEX "insurance_policy_year_idx" ON "insurance_policy"("year");

-- CreateIndex
CREATE INDEX "insurance_claim_policy_id_idx" ON "insurance_claim"("policy_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_window_township_code_key" ON "service_window"("township_code");

-- CreateIndex
CREATE INDEX "service_request_window_id_received_at_idx" ON "service_request"("window_id", "received_at");

-- CreateIndex
CREATE INDEX "service_request_household_id_idx" ON "service_request"("household_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_routing_request_id_department_key" ON "service_routing"("request_id", "department");

-- CreateIndex
CREATE INDEX "love_supermarket_village_code_idx" ON "love_supermarket"("village_code");

-- CreateIndex
CREATE INDEX "points_ledger_entry_household_id_occurred_at_idx" ON "points_ledger_entry"("household_id", "occurred_at");

-- CreateIndex
CREATE INDEX "points_ledger_entry_supermarket_id_idx" ON "points_ledger_entry"("supermarket_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_cadre_id_key" ON "app_user"("cadre_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_township_code_fkey" FOREIGN KEY ("township_code") REFERENCES "township"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_statistic" ADD CONSTRAINT "village_statistic_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "income_record" ADD CONSTRAINT "income_record_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_doctor_contract" ADD CONSTRAINT "family_doctor_contract_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_doctor_follow_up" ADD CONSTRAINT "family_doctor_follow_up_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "family_doctor_contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_clinic" ADD CONSTRAINT "village_clinic_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "water_quality_check" ADD CONSTRAINT "water_quality_check_plant_id_fkey" FOREIGN KEY ("plant_id") REFERENCES "water_plant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "house_renovation" ADD CONSTRAINT "house_renovation_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relocation" ADD CONSTRAINT "relocation_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_entity" ADD CONSTRAINT "business_entity_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_entity_industry" ADD CONSTRAINT "business_entity_industry_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "business_entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_entity_industry" ADD CONSTRAINT "business_entity_industry_industry_id_fkey" FOREIGN KEY ("industry_id") REFERENCES "industry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit_linkage_contract" ADD CONSTRAINT "benefit_linkage_contract_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "business_entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit_linkage_contract" ADD CONSTRAINT "benefit_linkage_contract_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_payout" ADD CONSTRAINT "contract_payout_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "benefit_linkage_contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_collective_income" ADD CONSTRAINT "village_collective_income_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_cadre_pay" ADD CONSTRAINT "village_cadre_pay_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_channel_code_fkey" FOREIGN KEY ("channel_code") REFERENCES "employment_channel"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "business_entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_assignment" ADD CONSTRAINT "cadre_assignment_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_assignment" ADD CONSTRAINT "cadre_assignment_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_pledge" ADD CONSTRAINT "region_pledge_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_visit" ADD CONSTRAINT "inspection_visit_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_aspect_result" ADD CONSTRAINT "visit_aspect_result_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_point" ADD CONSTRAINT "risk_point_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_point" ADD CONSTRAINT "risk_point_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "look_back_review" ADD CONSTRAINT "look_back_review_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning" ADD CONSTRAINT "warning_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_case" ADD CONSTRAINT "monitoring_case_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_case" ADD CONSTRAINT "monitoring_case_warning_id_fkey" FOREIGN KEY ("warning_id") REFERENCES "warning"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_case" ADD CONSTRAINT "monitoring_case_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitoring_case" ADD CONSTRAINT "monitoring_case_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transition" ADD CONSTRAINT "case_transition_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "monitoring_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transition" ADD CONSTRAINT "case_transition_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_import" ADD CONSTRAINT "department_import_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_record" ADD CONSTRAINT "department_record_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "department_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_record" ADD CONSTRAINT "department_record_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "department_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_plan" ADD CONSTRAINT "assistance_plan_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assistance_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_net_enrolment" ADD CONSTRAINT "safety_net_enrolment_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_net_enrolment" ADD CONSTRAINT "safety_net_enrolment_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insurance_policy" ADD CONSTRAINT "insurance_policy_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insurance_claim" ADD CONSTRAINT "insurance_claim_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "insurance_policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "service_window"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_routing" ADD CONSTRAINT "service_routing_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "love_supermarket" ADD CONSTRAINT "love_supermarket_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "village"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_ledger_entry" ADD CONSTRAINT "points_ledger_entry_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_ledger_entry" ADD CONSTRAINT "points_ledger_entry_supermarket_id_fkey" FOREIGN KEY ("supermarket_id") REFERENCES "love_supermarket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── Hand-written: what must always hold (Prisma cannot express CHECKs) ─────────────

-- The five employment channels are reference data, not generated data.
INSERT INTO "employment_channel" ("code", "name", "kind", "sort_order") VALUES
  ('INDUSTRIAL_PARK_BASE', '园区基地', 'INDIRECT', 1),
  ('POVERTY_ALLEVIATION_FACTORY', '扶贫工厂', 'INDIRECT', 2),
  ('COOPERATIVE', '合作社', 'INDIRECT', 3),
  ('PUBLIC_WELFARE_POST', '公益性岗位', 'DIRECT', 4),
  ('HOME_BASED', '居家就业', 'DIRECT', 5);

-- Division codes: digits of the right length, each level a prefix of the next.
ALTER TABLE "township" ADD CONSTRAINT "township_code_check"
  CHECK ("code" ~ '^[0-9]{9}$' AND "county_code" ~ '^[0-9]{6}$' AND left("code", 6) = "county_code");
ALTER TABLE "village" ADD CONSTRAINT "village_code_check"
  CHECK ("code" ~ '^[0-9]{12}$' AND left("code", 9) = "township_code" AND left("code", 6) = "county_code");
ALTER TABLE "village" ADD CONSTRAINT "village_exit_year_check"
  CHECK (("formerly_poor" AND "exit_year" BETWEEN 2014 AND 2030) OR (NOT "formerly_poor" AND "exit_year" IS NULL));
ALTER TABLE "village_statistic" ADD CONSTRAINT "village_statistic_values_check"
  CHECK ("year" BETWEEN 2000 AND 2100 AND "rural_population" >= 0 AND "rural_households" >= 0);
ALTER TABLE "household" ADD CONSTRAINT "household_region_check"
  CHECK (left("village_code", 9) = "township_code" AND left("village_code", 6) = "county_code");
ALTER TABLE "business_entity" ADD CONSTRAINT "business_entity_region_check"
  CHECK (left("township_code", 6) = "county_code" AND ("village_code" IS NULL OR left("village_code", 9) = "township_code"));
ALTER TABLE "village_collective_income" ADD CONSTRAINT "village_collective_income_region_check"
  CHECK (left("village_code", 9) = "township_code" AND left("village_code", 6) = "county_code");
ALTER TABLE "monitoring_case" ADD CONSTRAINT "monitoring_case_region_check"
  CHECK (left("village_code", 9) = "township_code" AND left("village_code", 6) = "county_code");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_check"
  CHECK ("region_code" ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$');

-- Registration and poverty status agree with each other.
ALTER TABLE "household" ADD CONSTRAINT "household_registration_check" CHECK (
  ("registered" AND "registered_year" IS NOT NULL AND "status" IS NOT NULL)
  OR (NOT "registered" AND "registered_year" IS NULL AND "status" IS NULL AND "lifted_year" IS NULL));
ALTER TABLE "household" ADD CONSTRAINT "household_lifted_check" CHECK (
  ("status" = 'LIFTED' AND "lifted_year" IS NOT NULL AND "lifted_year" >= "registered_year")
  OR ("status" IS DISTINCT FROM 'LIFTED' AND "lifted_year" IS NULL));
ALTER TABLE "household" ADD CONSTRAINT "household_monitoring_check" CHECK (
  ("monitoring_category" IS NULL AND "monitoring_since" IS NULL AND "risk_eliminated_at" IS NULL)
  OR ("monitoring_category" IS NOT NULL AND "monitoring_since" IS NOT NULL
      AND ("risk_eliminated_at" IS NULL OR "risk_eliminated_at" >= "monitoring_since")));
ALTER TABLE "household" ADD CONSTRAINT "household_version_check" CHECK ("version" >= 1);

-- Persons: a GB 11643 shape (the check digit itself is validated in the application).
ALTER TABLE "person" ADD CONSTRAINT "person_id_number_check" CHECK ("id_number" ~ '^[0-9]{17}[0-9X]$');
ALTER TABLE "person" ADD CONSTRAINT "person_disability_grade_check"
  CHECK ("disability_grade" IS NULL OR "disability_grade" BETWEEN 1 AND 4);
ALTER TABLE "person" ADD CONSTRAINT "person_version_check" CHECK ("version" >= 1);

-- Money is never negative where the domain says so.
ALTER TABLE "income_record" ADD CONSTRAINT "income_record_values_check" CHECK (
  "members" >= 1 AND "year" BETWEEN 2000 AND 2100
  AND "wage_income" >= 0 AND "business_income" >= 0 AND "property_income" >= 0
  AND "transfer_income" >= 0 AND "production_expenses" >= 0);
ALTER TABLE "business_entity" ADD CONSTRAINT "business_entity_values_check" CHECK (
  "credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$' AND "registered_capital" >= 0 AND "member_count" >= 0 AND "version" >= 1);
ALTER TABLE "benefit_linkage_contract" ADD CONSTRAINT "benefit_linkage_contract_values_check" CHECK (
  "annual_benefit" >= 0 AND ("end_date" IS NULL OR "end_date" >= "start_date")
  AND (("mode" = 'SHARE_COOPERATION') OR "share_kind" IS NULL) AND "version" >= 1);
ALTER TABLE "contract_payout" ADD CONSTRAINT "contract_payout_amount_check" CHECK ("amount" > 0);
ALTER TABLE "village_collective_income" ADD CONSTRAINT "village_collective_income_values_check"
  CHECK ("amount" >= 0 AND "year" BETWEEN 2000 AND 2100 AND "version" >= 1);
ALTER TABLE "village_cadre_pay" ADD CONSTRAINT "village_cadre_pay_values_check"
  CHECK ("basic_pay" >= 0 AND "performance_pay" >= 0 AND "growth_reward" >= 0);
ALTER TABLE "employment" ADD CONSTRAINT "employment_values_check" CHECK (
  "monthly_wage" >= 0 AND ("end_date" IS NULL OR "end_date" >= "start_date") AND "version" >= 1);
ALTER TABLE "house_renovation" ADD CONSTRAINT "house_renovation_values_check"
  CHECK ("grade" IN ('C', 'D') AND "subsidy" >= 0);
ALTER TABLE "relocation" ADD CONSTRAINT "relocation_persons_check" CHECK ("persons" >= 1);
ALTER TABLE "screening_rule" ADD CONSTRAINT "screening_rule_values_check"
  CHECK ("poverty_line" > 0 AND "monitoring_line" >= "poverty_line" AND jsonb_typeof("grading") = 'array');
ALTER TABLE "safety_net_enrolment" ADD CONSTRAINT "safety_net_enrolment_values_check" CHECK (
  ("monthly_amount" IS NULL OR "monthly_amount" >= 0) AND ("lump_sum" IS NULL OR "lump_sum" >= 0)
  AND ("end_date" IS NULL OR "end_date" >= "start_date"));
ALTER TABLE "insurance_policy" ADD CONSTRAINT "insurance_policy_values_check" CHECK ("premium" >= 0 AND "coverage" >= 0);
ALTER TABLE "insurance_claim" ADD CONSTRAINT "insurance_claim_values_check"
  CHECK ("amount_claimed" >= 0 AND "amount_paid" >= 0 AND "amount_paid" <= "amount_claimed");
ALTER TABLE "points_ledger_entry" ADD CONSTRAINT "points_ledger_entry_sign_check"
  CHECK (("kind" = 'REDEMPTION' AND "points" < 0) OR ("kind" <> 'REDEMPTION' AND "points" > 0));
ALTER TABLE "dataset_info" ADD CONSTRAINT "dataset_info_singleton_check" CHECK ("id" = 1);
