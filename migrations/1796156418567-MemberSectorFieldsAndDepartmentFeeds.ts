import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberSectorFieldsAndDepartmentFeeds1796156418567 implements MigrationInterface {
  name = 'MemberSectorFieldsAndDepartmentFeeds1796156418567';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."sector_field" AS ENUM('SUBSISTENCE_ALLOWANCE', 'SINGLE_PERSON_ALLOWANCE', 'EXTREME_POVERTY_SUPPORT', 'ORPHAN', 'DE_FACTO_UNSUPPORTED_CHILD', 'LEFT_BEHIND_CHILD', 'MEDICAL_SUBSIDY_CATEGORY', 'OUT_OF_POCKET_MEDICAL_YUAN', 'PENSION_INSURED', 'PENSION_PREMIUM_PAID_BY_GOVERNMENT', 'FAMILY_DOCTOR_SIGNED', 'DISABILITY_TYPE', 'DISABILITY_GRADE', 'SCHOOL_NAME', 'SCHOOL_GRADE', 'ENROLMENT_STATUS', 'HOUSING_SAFETY_GRADE', 'DRINKING_WATER_SAFE')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."sector_source" AS ENUM('FEED', 'CADRE', 'SELF_REPORT')`);
    await queryRunner.query(
      `CREATE TABLE "member_sector_value" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "member_id" integer NOT NULL, "field" "public"."sector_field" NOT NULL, "value" text NOT NULL, "department_id" integer NOT NULL, "source" "public"."sector_source" NOT NULL, "as_of" date NOT NULL, "recorded_by" character varying(50) NOT NULL, "feed_run_id" integer, CONSTRAINT "uq_member_sector_value__member_field" UNIQUE ("member_id", "field"), CONSTRAINT "PK_e93814b0537d85fa75169a41451" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_sector_value__field" ON "member_sector_value"  ("field") `,
    );
    await queryRunner.query(
      `CREATE TABLE "member_sector_value_change" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "member_id" integer NOT NULL, "field" "public"."sector_field" NOT NULL, "value" text, "department_id" integer NOT NULL, "source" "public"."sector_source" NOT NULL, "as_of" date NOT NULL, "recorded_by" character varying(50) NOT NULL, "feed_run_id" integer, CONSTRAINT "PK_520d688c5651edf30dfa8f5050c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_sector_value_change__member_field" ON "member_sector_value_change"  ("member_id", "field") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."feed_kind" AS ENUM('CIVIL_AFFAIRS_ROLL', 'MEDICAL_INSURANCE', 'DISABILITY_CERTIFICATES', 'PUPILS', 'DANGEROUS_HOUSES', 'DRINKING_WATER', 'PENSION_INSURANCE', 'FAMILY_DOCTOR')`,
    );
    await queryRunner.query(
      `CREATE TABLE "feed_run" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "feed" "public"."feed_kind" NOT NULL, "department_id" integer NOT NULL, "run_by" character varying(50) NOT NULL, "file_hash" character(64) NOT NULL, "rows" integer NOT NULL, "matched" integer NOT NULL, "values_changed" integer NOT NULL, "unmatched" integer NOT NULL, "out_of_district" integer NOT NULL, "clues_opened" integer NOT NULL, "alerts_on_open_cases" integer NOT NULL, CONSTRAINT "PK_fe2363b96f9b8059ca93b13108e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_feed_run__department_id" ON "feed_run"  ("department_id") `);
    await queryRunner.query(`CREATE INDEX "ix_feed_run__file_hash" ON "feed_run"  ("file_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_feed_run__feed" ON "feed_run"  ("feed") `);
    await queryRunner.query(
      `CREATE TABLE "feed_alert" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "feed_run_id" integer NOT NULL, "feed" "public"."feed_kind" NOT NULL, "rule" character varying(40) NOT NULL, "reason" character varying(300) NOT NULL, "member_id" integer NOT NULL, "household_id" integer NOT NULL, "monitoring_case_id" integer, "row_number" integer NOT NULL, "row" jsonb NOT NULL, "fingerprint" character(64) NOT NULL, CONSTRAINT "uq_feed_alert__fingerprint" UNIQUE ("fingerprint"), CONSTRAINT "PK_b818a6ca4ac591d2947371b280a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_feed_alert__feed_run_id" ON "feed_alert"  ("feed_run_id") `);
    await queryRunner.query(`CREATE INDEX "ix_feed_alert__household_id" ON "feed_alert"  ("household_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_feed_alert__monitoring_case_id" ON "feed_alert"  ("monitoring_case_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "member_sector_value" ADD CONSTRAINT "fk_member_sector_value__member_id" FOREIGN KEY ("member_id") REFERENCES "household_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_sector_value" ADD CONSTRAINT "fk_member_sector_value__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_sector_value_change" ADD CONSTRAINT "fk_member_sector_value_change__member_id" FOREIGN KEY ("member_id") REFERENCES "household_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_run" ADD CONSTRAINT "fk_feed_run__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feed_run" DROP CONSTRAINT "fk_feed_run__department_id"`);
    await queryRunner.query(
      `ALTER TABLE "member_sector_value_change" DROP CONSTRAINT "fk_member_sector_value_change__member_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_sector_value" DROP CONSTRAINT "fk_member_sector_value__department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_sector_value" DROP CONSTRAINT "fk_member_sector_value__member_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_feed_alert__monitoring_case_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_alert__household_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_alert__feed_run_id"`);
    await queryRunner.query(`DROP TABLE "feed_alert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_run__feed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_run__file_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_run__department_id"`);
    await queryRunner.query(`DROP TABLE "feed_run"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_sector_value_change__member_field"`);
    await queryRunner.query(`DROP TABLE "member_sector_value_change"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_sector_value__field"`);
    await queryRunner.query(`DROP TABLE "member_sector_value"`);
    await queryRunner.query(`DROP TYPE "public"."feed_kind"`);
    await queryRunner.query(`DROP TYPE "public"."sector_source"`);
    await queryRunner.query(`DROP TYPE "public"."sector_field"`);
  }
}
