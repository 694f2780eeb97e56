import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringCases1795967110967 implements MigrationInterface {
  name = 'MonitoringCases1795967110967';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "monitoring_visit" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "monitoring_case_id" integer NOT NULL, "visit_date" date NOT NULL, "visitor" character varying(50) NOT NULL, "findings" character varying(2000) NOT NULL, "guarantees_checked" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_0830875a12ba8db25fd22d637a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_visit__monitoring_case_id" ON "monitoring_visit"  ("monitoring_case_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_visit__visit_date" ON "monitoring_visit"  ("visit_date") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."monitoring_status" AS ENUM('CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED', 'RISK_ELIMINATED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."discovery_source" AS ENUM('SELF_REPORT', 'CADRE_VISIT', 'DEPARTMENT_ALERT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."monitoring_category" AS ENUM('UNSTABLE_ALLEVIATED', 'MARGINAL', 'SUDDEN_HARDSHIP')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."elimination_method" AS ENUM('ASSISTED', 'NATURAL')`);
    await queryRunner.query(
      `CREATE TABLE "monitoring_case" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "household_id" integer NOT NULL, "status" "public"."monitoring_status" NOT NULL DEFAULT 'CLUE', "discovery_source" "public"."discovery_source" NOT NULL, "trigger_reasons" text array NOT NULL DEFAULT '{}', "category" "public"."monitoring_category", "risk_types" text array NOT NULL DEFAULT '{}', "clue_date" date NOT NULL, "clue_by" character varying(50) NOT NULL, "deadline" date NOT NULL, "verified_at" date, "verified_by" character varying(50), "publicized_at" date, "publicized_by" character varying(50), "approved_at" date, "approved_by" character varying(50), "rejected_at" date, "rejected_by" character varying(50), "rejection_reason" character varying(500), "risk_eliminated_at" date, "risk_eliminated_by" character varying(50), "elimination_method" "public"."elimination_method", CONSTRAINT "ck_monitoring_case__risk_types" CHECK (cardinality("risk_types") <= 5), CONSTRAINT "PK_9e5ef898e468706ffb1f4c6e195" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__household_id" ON "monitoring_case"  ("household_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_monitoring_case__status" ON "monitoring_case"  ("status") `);
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__discovery_source" ON "monitoring_case"  ("discovery_source") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__category" ON "monitoring_case"  ("category") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__clue_date" ON "monitoring_case"  ("clue_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__deadline" ON "monitoring_case"  ("deadline") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__approved_at" ON "monitoring_case"  ("approved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case__risk_eliminated_at" ON "monitoring_case"  ("risk_eliminated_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_monitoring_case__household_id" ON "monitoring_case"  ("household_id") WHERE "status" IN ('CLUE', 'VERIFIED', 'PUBLICIZED', 'APPROVED')`,
    );
    await queryRunner.query(`ALTER TABLE "assistance_measure" ADD "monitoring_case_id" integer`);
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_measure__monitoring_case_id" ON "assistance_measure"  ("monitoring_case_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" ADD CONSTRAINT "fk_monitoring_visit__monitoring_case_id" FOREIGN KEY ("monitoring_case_id") REFERENCES "monitoring_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_case" ADD CONSTRAINT "fk_monitoring_case__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__monitoring_case_id" FOREIGN KEY ("monitoring_case_id") REFERENCES "monitoring_case"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__monitoring_case_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_case" DROP CONSTRAINT "fk_monitoring_case__household_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" DROP CONSTRAINT "fk_monitoring_visit__monitoring_case_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_assistance_measure__monitoring_case_id"`);
    await queryRunner.query(`ALTER TABLE "assistance_measure" DROP COLUMN "monitoring_case_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_monitoring_case__household_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__risk_eliminated_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__approved_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__deadline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__clue_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__category"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__discovery_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_case__household_id"`);
    await queryRunner.query(`DROP TABLE "monitoring_case"`);
    await queryRunner.query(`DROP TYPE "public"."elimination_method"`);
    await queryRunner.query(`DROP TYPE "public"."monitoring_category"`);
    await queryRunner.query(`DROP TYPE "public"."discovery_source"`);
    await queryRunner.query(`DROP TYPE "public"."monitoring_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_visit__visit_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_visit__monitoring_case_id"`);
    await queryRunner.query(`DROP TABLE "monitoring_visit"`);
  }
}
