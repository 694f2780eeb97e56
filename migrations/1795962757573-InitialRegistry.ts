import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialRegistry1795962757573 implements MigrationInterface {
  name = 'InitialRegistry1795962757573';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Generated; the second CREATE TYPE funding_source (shared by asset_funding and assistance_measure) removed by hand.
    await queryRunner.query(
      `CREATE TYPE "public"."placement" AS ENUM('CENTRALIZED_URBAN', 'CENTRALIZED_TOWN', 'CENTRALIZED_VILLAGE', 'SCATTERED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "relocation_site" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(60) NOT NULL, "township_id" integer, "village_id" integer, "placement" "public"."placement" NOT NULL, "completed_at" date, "houses" integer, "facilities" text, CONSTRAINT "uq_relocation_site__name" UNIQUE ("name"), CONSTRAINT "ck_relocation_site__houses" CHECK ("houses" IS NULL OR "houses" >= 0), CONSTRAINT "PK_842bd27e7f2fb54516adb61b93c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_relocation_site__township_id" ON "relocation_site"  ("township_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_relocation_site__village_id" ON "relocation_site"  ("village_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."gender" AS ENUM('MALE', 'FEMALE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."relation_to_head" AS ENUM('HEAD', 'SPOUSE', 'SON', 'DAUGHTER', 'DAUGHTER_IN_LAW', 'SON_IN_LAW', 'GRANDSON', 'GRANDDAUGHTER', 'FATHER', 'MOTHER', 'SIBLING', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."education_level" AS ENUM('NONE', 'PRESCHOOL', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'COLLEGE', 'UNIVERSITY')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."school_status" AS ENUM('NOT_IN_SCHOOL', 'PRESCHOOL', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'SECONDARY_VOCATIONAL', 'HIGHER_EDUCATION', 'DROPPED_OUT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."health_status" AS ENUM('HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'DISABLED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."labor_capacity" AS ENUM('FULL', 'PARTIAL', 'LOST', 'NONE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."work_location" AS ENUM('NONE', 'IN_COUNTY', 'IN_PROVINCE', 'OUT_OF_PROVINCE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "household_member" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "household_id" integer NOT NULL, "name" character varying(50) NOT NULL, "id_number" character varying(18) NOT NULL, "gender" "public"."gender" NOT NULL, "birth_date" date NOT NULL, "relation_to_head" "public"."relation_to_head" NOT NULL, "ethnicity" character varying(20) NOT NULL DEFAULT '汉族', "education_level" "public"."education_level" NOT NULL, "school_status" "public"."school_status" NOT NULL DEFAULT 'NOT_IN_SCHOOL', "health_status" "public"."health_status" NOT NULL DEFAULT 'HEALTHY', "disability_grade" smallint, "labor_capacity" "public"."labor_capacity" NOT NULL, "skill" character varying(100), "work_location" "public"."work_location" NOT NULL DEFAULT 'NONE', "work_months" smallint NOT NULL DEFAULT '0', "medical_insured" boolean NOT NULL DEFAULT false, "serious_illness_insured" boolean NOT NULL DEFAULT false, "pension_insured" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_household_member__id_number" UNIQUE ("id_number"), CONSTRAINT "ck_household_member__disability_grade" CHECK ("disability_grade" IS NULL OR "disability_grade" BETWEEN 1 AND 4), CONSTRAINT "ck_household_member__work_months" CHECK ("work_months" BETWEEN 0 AND 12), CONSTRAINT "PK_84e1d1f2553646d38e7c8b72a10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__household_id" ON "household_member"  ("household_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_household_member__name" ON "household_member"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_household_member__gender" ON "household_member"  ("gender") `);
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__birth_date" ON "household_member"  ("birth_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__relation" ON "household_member"  ("relation_to_head") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__school_status" ON "household_member"  ("school_status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__health_status" ON "household_member"  ("health_status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__labor_capacity" ON "household_member"  ("labor_capacity") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__work_location" ON "household_member"  ("work_location") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__medical_insured" ON "household_member"  ("medical_insured") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_household_member__relation_to_head" ON "household_member"  ("household_id") WHERE "relation_to_head" = 'HEAD'`,
    );
    await queryRunner.query(`CREATE TYPE "public"."household_type" AS ENUM('ALLEVIATED', 'ORDINARY')`);
    await queryRunner.query(`CREATE TYPE "public"."housing_safety" AS ENUM('A', 'B', 'C', 'D')`);
    await queryRunner.query(
      `CREATE TABLE "household" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "household_number" character varying(30) NOT NULL, "village_id" integer NOT NULL, "natural_village" character varying(50), "address" character varying(200), "phone" character varying(20), "household_type" "public"."household_type" NOT NULL, "has_subsistence_allowance" boolean NOT NULL DEFAULT false, "has_extreme_poverty_support" boolean NOT NULL DEFAULT false, "relocation_site_id" integer, "moved_in_at" date, "origin_village_id" integer, "housing_safety" "public"."housing_safety", "drinking_water_safe" boolean NOT NULL DEFAULT true, "cadre_name" character varying(50), "cadre_unit" character varying(100), CONSTRAINT "uq_household__household_number" UNIQUE ("household_number"), CONSTRAINT "PK_26e9111eab2b8908fefe3c645f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_household__village_id" ON "household"  ("village_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_household__household_type" ON "household"  ("household_type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household__has_subsistence_allowance" ON "household"  ("has_subsistence_allowance") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household__relocation_site_id" ON "household"  ("relocation_site_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household__origin_village_id" ON "household"  ("origin_village_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_household__housing_safety" ON "household"  ("housing_safety") `,
    );
    await queryRunner.query(
      `CREATE TABLE "village_collective_income" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "village_id" integer NOT NULL, "year" integer NOT NULL, "amount_yuan" numeric(14,2) NOT NULL, CONSTRAINT "uq_village_collective_income__year" UNIQUE ("village_id", "year"), CONSTRAINT "ck_village_collective_income__amount_yuan" CHECK ("amount_yuan" >= 0), CONSTRAINT "PK_d578878f1f01c19dd9cb10f2978" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."committee_type" AS ENUM('VILLAGE', 'COMMUNITY')`);
    await queryRunner.query(
      `CREATE TABLE "village" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(12) NOT NULL, "name" character varying(50) NOT NULL, "township_id" integer NOT NULL, "committee_type" "public"."committee_type" NOT NULL, "urban_rural_class" character varying(3), "is_alleviated_village" boolean NOT NULL DEFAULT false, "is_key_village" boolean NOT NULL DEFAULT false, "featured_industry" character varying(100), "first_secretary_name" character varying(50), "first_secretary_unit" character varying(100), CONSTRAINT "uq_village__code" UNIQUE ("code"), CONSTRAINT "PK_3ada8696ae059b2fcf82d5ab579" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_village__name" ON "village"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_village__township_id" ON "village"  ("township_id") `);
    await queryRunner.query(`CREATE INDEX "ix_village__committee_type" ON "village"  ("committee_type") `);
    await queryRunner.query(
      `CREATE INDEX "ix_village__is_alleviated_village" ON "village"  ("is_alleviated_village") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_village__is_key_village" ON "village"  ("is_key_village") `);
    await queryRunner.query(`CREATE TYPE "public"."township_kind" AS ENUM('STREET', 'TOWN', 'TOWNSHIP')`);
    await queryRunner.query(
      `CREATE TABLE "township" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(12) NOT NULL, "name" character varying(50) NOT NULL, "kind" "public"."township_kind" NOT NULL, CONSTRAINT "uq_township__name" UNIQUE ("name"), CONSTRAINT "uq_township__code" UNIQUE ("code"), CONSTRAINT "PK_27a810c32a71e45e302920996c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."department_kind" AS ENUM('PARTY', 'GOVERNMENT', 'CITY_BRANCH', 'PEOPLE_ORGANIZATION', 'TOWNSHIP', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "department" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(20) NOT NULL, "name" character varying(60) NOT NULL, "kind" "public"."department_kind" NOT NULL, "township_id" integer, CONSTRAINT "uq_department__name" UNIQUE ("name"), CONSTRAINT "uq_department__code" UNIQUE ("code"), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_department__kind" ON "department"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "ix_department__township_id" ON "department"  ("township_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."funding_source" AS ENUM('CENTRAL_FISCAL', 'PROVINCIAL_FISCAL', 'CITY_FISCAL', 'DISTRICT_FISCAL', 'GOVERNMENT_BOND', 'EAST_WEST_COOPERATION', 'PAIRED_ASSISTANCE', 'SOCIAL_DONATION', 'SELF_RAISED', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "asset_funding" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "asset_id" integer NOT NULL, "source" "public"."funding_source" NOT NULL, "amount_yuan" numeric(14,2) NOT NULL, CONSTRAINT "ck_asset_funding__amount_yuan" CHECK ("amount_yuan" >= 0), CONSTRAINT "PK_8bdc4f467d3cc4bd2c2f937270e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset_funding__asset_id" ON "asset_funding"  ("asset_id") `);
    await queryRunner.query(`CREATE INDEX "ix_asset_funding__source" ON "asset_funding"  ("source") `);
    await queryRunner.query(
      `CREATE TYPE "public"."asset_class" AS ENUM('OPERATING', 'PUBLIC_WELFARE', 'HOUSEHOLD')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."asset_category" AS ENUM('ROAD', 'WATER_SUPPLY', 'IRRIGATION', 'SCHOOL', 'CLINIC', 'SANITATION', 'CULTURAL_FACILITY', 'GREENHOUSE', 'PROCESSING_PLANT', 'WORKSHOP', 'PHOTOVOLTAIC', 'TOURISM_FACILITY', 'LIVESTOCK', 'ORCHARD', 'MACHINERY', 'EQUITY', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."ownership_level" AS ENUM('DISTRICT', 'TOWNSHIP', 'VILLAGE', 'HOUSEHOLD')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."asset_status" AS ENUM('IN_USE', 'IDLE', 'SOLD', 'DONATED', 'SCRAPPED', 'DISPOSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "asset" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "asset_code" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "asset_class" "public"."asset_class" NOT NULL, "category" "public"."asset_category" NOT NULL, "project_name" character varying(200) NOT NULL, "project_year" smallint NOT NULL, "completed_at" date, "village_id" integer, "household_id" integer, "relocation_site_id" integer, "original_value_yuan" numeric(14,2) NOT NULL, "book_value_yuan" numeric(14,2), "quantity" numeric(14,2), "unit" character varying(20), "ownership_level" "public"."ownership_level" NOT NULL, "owner" character varying(100) NOT NULL, "operator" character varying(100), "custodian" character varying(100), "custodian_person" character varying(50), "responsible_department_id" integer NOT NULL, "status" "public"."asset_status" NOT NULL DEFAULT 'IN_USE', "rights_confirmed_at" date, "handed_over_at" date, "beneficiary_households" integer NOT NULL DEFAULT '0', "beneficiary_people" integer NOT NULL DEFAULT '0', CONSTRAINT "uq_asset__asset_code" UNIQUE ("asset_code"), CONSTRAINT "ck_asset__beneficiary_households" CHECK ("beneficiary_households" >= 0 AND "beneficiary_people" >= 0), CONSTRAINT "ck_asset__quantity" CHECK ("quantity" IS NULL OR "quantity" >= 0), CONSTRAINT "ck_asset__book_value_yuan" CHECK ("book_value_yuan" IS NULL OR "book_value_yuan" >= 0), CONSTRAINT "ck_asset__original_value_yuan" CHECK ("original_value_yuan" >= 0), CONSTRAINT "PK_1209d107fe21482beaea51b745e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset__name" ON "asset"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_asset__asset_class" ON "asset"  ("asset_class") `);
    await queryRunner.query(`CREATE INDEX "ix_asset__category" ON "asset"  ("category") `);
    await queryRunner.query(`CREATE INDEX "ix_asset__project_year" ON "asset"  ("project_year") `);
    await queryRunner.query(`CREATE INDEX "ix_asset__village_id" ON "asset"  ("village_id") `);
    await queryRunner.query(`CREATE INDEX "ix_asset__household_id" ON "asset"  ("household_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_asset__relocation_site_id" ON "asset"  ("relocation_site_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset__original_value_yuan" ON "asset"  ("original_value_yuan") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset__ownership_level" ON "asset"  ("ownership_level") `);
    await queryRunner.query(
      `CREATE INDEX "ix_asset__responsible_department_id" ON "asset"  ("responsible_department_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset__status" ON "asset"  ("status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."measure_type" AS ENUM('INDUSTRY', 'EMPLOYMENT', 'FINANCE', 'PUBLIC_WELFARE_JOB', 'HEALTH', 'COMPULSORY_EDUCATION', 'OTHER_EDUCATION', 'SOCIAL_SECURITY', 'HOUSING_SAFETY', 'DRINKING_WATER', 'SOCIAL_SUPPORT', 'RELOCATION', 'LIVING_CONDITIONS', 'INFRASTRUCTURE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."measure_status" AS ENUM('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "assistance_measure" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "household_id" integer, "village_id" integer, "relocation_site_id" integer, "type" "public"."measure_type" NOT NULL, "description" character varying(500) NOT NULL, "responsible_department_id" integer NOT NULL, "beneficiary_member_id" integer, "amount_yuan" numeric(14,2), "funding_source" "public"."funding_source", "start_date" date NOT NULL, "end_date" date, "status" "public"."measure_status" NOT NULL DEFAULT 'PLANNED', CONSTRAINT "ck_assistance_measure__end_date" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "ck_assistance_measure__amount_yuan" CHECK ("amount_yuan" IS NULL OR "amount_yuan" >= 0), CONSTRAINT "ck_assistance_measure__household_id" CHECK (num_nonnulls("household_id", "village_id", "relocation_site_id") = 1), CONSTRAINT "PK_4a0c6628d286ff5fed7c5898e8c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__household_id" ON "assistance_measure"  ("household_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__village_id" ON "assistance_measure"  ("village_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__relocation_site_id" ON "assistance_measure"  ("relocation_site_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_assistance_measure__type" ON "assistance_measure"  ("type") `);
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__responsible_department_id" ON "assistance_measure"  ("responsible_department_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__beneficiary_member_id" ON "assistance_measure"  ("beneficiary_member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__amount_yuan" ON "assistance_measure"  ("amount_yuan") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__start_date" ON "assistance_measure"  ("start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__status" ON "assistance_measure"  ("status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "relocation_site" ADD CONSTRAINT "fk_relocation_site__township_id" FOREIGN KEY ("township_id") REFERENCES "township"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "relocation_site" ADD CONSTRAINT "fk_relocation_site__village_id" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "household_member" ADD CONSTRAINT "fk_household_member__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "household" ADD CONSTRAINT "fk_household__village_id" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "household" ADD CONSTRAINT "fk_household__relocation_site_id" FOREIGN KEY ("relocation_site_id") REFERENCES "relocation_site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "household" ADD CONSTRAINT "fk_household__origin_village_id" FOREIGN KEY ("origin_village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "village_collective_income" ADD CONSTRAINT "fk_village_collective_income__village_id" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "village" ADD CONSTRAINT "fk_village__township_id" FOREIGN KEY ("township_id") REFERENCES "township"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department" ADD CONSTRAINT "fk_department__township_id" FOREIGN KEY ("township_id") REFERENCES "township"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_funding" ADD CONSTRAINT "fk_asset_funding__asset_id" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__village_id" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__relocation_site_id" FOREIGN KEY ("relocation_site_id") REFERENCES "relocation_site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "fk_asset__responsible_department_id" FOREIGN KEY ("responsible_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__village_id" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__relocation_site_id" FOREIGN KEY ("relocation_site_id") REFERENCES "relocation_site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__responsible_department_id" FOREIGN KEY ("responsible_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__beneficiary_member_id" FOREIGN KEY ("beneficiary_member_id") REFERENCES "household_member"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__beneficiary_member_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__responsible_department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__relocation_site_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__village_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__household_id"`,
    );
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__responsible_department_id"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__relocation_site_id"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__household_id"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "fk_asset__village_id"`);
    await queryRunner.query(`ALTER TABLE "asset_funding" DROP CONSTRAINT "fk_asset_funding__asset_id"`);
    await queryRunner.query(`ALTER TABLE "department" DROP CONSTRAINT "fk_department__township_id"`);
    await queryRunner.query(`ALTER TABLE "village" DROP CONSTRAINT "fk_village__township_id"`);
    await queryRunner.query(
      `ALTER TABLE "village_collective_income" DROP CONSTRAINT "fk_village_collective_income__village_id"`,
    );
    await queryRunner.query(`ALTER TABLE "household" DROP CONSTRAINT "fk_household__origin_village_id"`);
    await queryRunner.query(`ALTER TABLE "household" DROP CONSTRAINT "fk_household__relocation_site_id"`);
    await queryRunner.query(`ALTER TABLE "household" DROP CONSTRAINT "fk_household__village_id"`);
    await queryRunner.query(
      `ALTER TABLE "household_member" DROP CONSTRAINT "fk_household_member__household_id"`,
    );
    await queryRunner.query(`ALTER TABLE "relocation_site" DROP CONSTRAINT "fk_relocation_site__village_id"`);
    await queryRunner.query(
      `ALTER TABLE "relocation_site" DROP CONSTRAINT "fk_relocation_site__township_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__start_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__amount_yuan"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__beneficiary_member_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__responsible_department_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__relocation_site_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__village_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__household_id"`);
    await queryRunner.query(`DROP TABLE "assistance_measure"`);
    await queryRunner.query(`DROP TYPE "public"."measure_status"`);
    await queryRunner.query(`DROP TYPE "public"."measure_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__responsible_department_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__ownership_level"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__original_value_yuan"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__relocation_site_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__household_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__village_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__project_year"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__category"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__asset_class"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset__name"`);
    await queryRunner.query(`DROP TABLE "asset"`);
    await queryRunner.query(`DROP TYPE "public"."asset_status"`);
    await queryRunner.query(`DROP TYPE "public"."ownership_level"`);
    await queryRunner.query(`DROP TYPE "public"."asset_category"`);
    await queryRunner.query(`DROP TYPE "public"."asset_class"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_funding__source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_funding__asset_id"`);
    await queryRunner.query(`DROP TABLE "asset_funding"`);
    await queryRunner.query(`DROP INDEX "public"."ix_department__township_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_department__kind"`);
    await queryRunner.query(`DROP TABLE "department"`);
    await queryRunner.query(`DROP TYPE "public"."department_kind"`);
    await queryRunner.query(`DROP TABLE "township"`);
    await queryRunner.query(`DROP TYPE "public"."township_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_village__is_key_village"`);
    await queryRunner.query(`DROP INDEX "public"."ix_village__is_alleviated_village"`);
    await queryRunner.query(`DROP INDEX "public"."ix_village__committee_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_village__township_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_village__name"`);
    await queryRunner.query(`DROP TABLE "village"`);
    await queryRunner.query(`DROP TYPE "public"."committee_type"`);
    await queryRunner.query(`DROP TABLE "village_collective_income"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__housing_safety"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__origin_village_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__relocation_site_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__has_subsistence_allowance"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__household_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household__village_id"`);
    await queryRunner.query(`DROP TABLE "household"`);
    await queryRunner.query(`DROP TYPE "public"."housing_safety"`);
    await queryRunner.query(`DROP TYPE "public"."household_type"`);
    await queryRunner.query(`DROP INDEX "public"."uq_household_member__relation_to_head"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__medical_insured"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__work_location"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__labor_capacity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__health_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__school_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__relation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__birth_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__gender"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__household_id"`);
    await queryRunner.query(`DROP TABLE "household_member"`);
    await queryRunner.query(`DROP TYPE "public"."work_location"`);
    await queryRunner.query(`DROP TYPE "public"."labor_capacity"`);
    await queryRunner.query(`DROP TYPE "public"."health_status"`);
    await queryRunner.query(`DROP TYPE "public"."school_status"`);
    await queryRunner.query(`DROP TYPE "public"."education_level"`);
    await queryRunner.query(`DROP TYPE "public"."relation_to_head"`);
    await queryRunner.query(`DROP TYPE "public"."gender"`);
    await queryRunner.query(`DROP INDEX "public"."ix_relocation_site__village_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_relocation_site__township_id"`);
    await queryRunner.query(`DROP TABLE "relocation_site"`);
    await queryRunner.query(`DROP TYPE "public"."placement"`);
    await queryRunner.query(`DROP TYPE "public"."funding_source"`);
  }
}
