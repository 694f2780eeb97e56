import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's indicators: catalogue, township targets, reported figures, and monthly snapshots that
 * a trigger keeps immutable (UPDATE, DELETE and TRUNCATE refused, as for the audit trail).
 */
export class PlanIndicators1796154647699 implements MigrationInterface {
  name = 'PlanIndicators1796154647699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."indicator_comparison" AS ENUM('GTE', 'GT', 'LTE', 'EQ')`);
    await queryRunner.query(`CREATE TYPE "public"."target_scope" AS ENUM('EVERY_AREA', 'DISTRICT')`);
    await queryRunner.query(`CREATE TYPE "public"."indicator_source" AS ENUM('COMPUTED', 'REPORTED')`);
    await queryRunner.query(
      `CREATE TABLE "plan_indicator" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "plan_clause" character varying(20) NOT NULL, "department_id" integer, "unit" character varying(30) NOT NULL, "comparison" "public"."indicator_comparison" NOT NULL, "target" numeric(14,2) NOT NULL, "target_scope" "public"."target_scope" NOT NULL, "margin" numeric(14,2) NOT NULL, "deadline" character varying(20) NOT NULL, "source" "public"."indicator_source" NOT NULL, "definition" text NOT NULL, CONSTRAINT "ck_plan_indicator__margin" CHECK ("margin" >= 0), CONSTRAINT "PK_163988b4c429a775be1cb52c1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_plan_indicator__key" ON "plan_indicator"  ("key") `);
    await queryRunner.query(
      `CREATE TABLE "plan_indicator_target" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "indicator_id" integer NOT NULL, "township_id" integer NOT NULL, "target" numeric(14,2) NOT NULL, CONSTRAINT "PK_bb9d1703cbf0da7987d9b2e057e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_plan_indicator_target__township" ON "plan_indicator_target"  ("indicator_id", "township_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_report" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "indicator_id" integer NOT NULL, "period" character(7) NOT NULL, "township_id" integer, "value" numeric(14,2) NOT NULL, "source_document" character varying(200) NOT NULL, "note" character varying(500), "entered_by" character varying(100) NOT NULL, CONSTRAINT "ck_indicator_report__period" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_e29e27d04f6198eebe2c8874b19" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_indicator_report__township" ON "indicator_report"  ("indicator_id", "period", "township_id") WHERE "township_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_indicator_report__district" ON "indicator_report"  ("indicator_id", "period") WHERE "township_id" IS NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."snapshot_kind" AS ENUM('MONTH_END', 'ON_DEMAND')`);
    await queryRunner.query(
      `CREATE TABLE "indicator_snapshot" ("id" SERIAL NOT NULL, "period" character(7) NOT NULL, "kind" "public"."snapshot_kind" NOT NULL, "taken_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "data_version" bigint NOT NULL, "taken_by" character varying(100) NOT NULL, "figures" integer NOT NULL, CONSTRAINT "PK_702d0fc50d38e5589a8321086db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_indicator_snapshot__period" ON "indicator_snapshot"  ("period", "taken_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_indicator_snapshot__month_end" ON "indicator_snapshot"  ("period") WHERE "kind" = 'MONTH_END'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."indicator_status" AS ENUM('MET', 'AT_RISK', 'MISSED', 'NO_DATA')`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_snapshot_value" ("id" SERIAL NOT NULL, "snapshot_id" integer NOT NULL, "indicator_key" character varying(60) NOT NULL, "township_id" integer, "village_id" integer, "numerator" bigint, "denominator" bigint, "value" numeric(14,2), "target" numeric(14,2), "status" "public"."indicator_status" NOT NULL, CONSTRAINT "PK_cee8282d4835097482701757608" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_indicator_snapshot_value__snapshot" ON "indicator_snapshot_value"  ("snapshot_id", "indicator_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator" ADD CONSTRAINT "fk_plan_indicator__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_target" ADD CONSTRAINT "fk_plan_indicator_target__indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "plan_indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_target" ADD CONSTRAINT "fk_plan_indicator_target__township_id" FOREIGN KEY ("township_id") REFERENCES "township"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_report" ADD CONSTRAINT "fk_indicator_report__indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "plan_indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_report" ADD CONSTRAINT "fk_indicator_report__township_id" FOREIGN KEY ("township_id") REFERENCES "township"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_snapshot_value" ADD CONSTRAINT "fk_indicator_snapshot_value__snapshot_id" FOREIGN KEY ("snapshot_id") REFERENCES "indicator_snapshot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION indicator_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'indicator snapshots are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['indicator_snapshot', 'indicator_snapshot_value']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION indicator_snapshot_immutable()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION indicator_snapshot_immutable()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "indicator_snapshot_value" DROP CONSTRAINT "fk_indicator_snapshot_value__snapshot_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_report" DROP CONSTRAINT "fk_indicator_report__township_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_report" DROP CONSTRAINT "fk_indicator_report__indicator_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_target" DROP CONSTRAINT "fk_plan_indicator_target__township_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_target" DROP CONSTRAINT "fk_plan_indicator_target__indicator_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator" DROP CONSTRAINT "fk_plan_indicator__department_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_indicator_snapshot_value__snapshot"`);
    await queryRunner.query(`DROP TABLE "indicator_snapshot_value"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_snapshot__month_end"`);
    await queryRunner.query(`DROP INDEX "public"."ix_indicator_snapshot__period"`);
    await queryRunner.query(`DROP TABLE "indicator_snapshot"`);
    await queryRunner.query(`DROP TYPE "public"."snapshot_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_report__district"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_report__township"`);
    await queryRunner.query(`DROP TABLE "indicator_report"`);
    await queryRunner.query(`DROP INDEX "public"."uq_plan_indicator_target__township"`);
    await queryRunner.query(`DROP TABLE "plan_indicator_target"`);
    await queryRunner.query(`DROP INDEX "public"."uq_plan_indicator__key"`);
    await queryRunner.query(`DROP TABLE "plan_indicator"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_source"`);
    await queryRunner.query(`DROP TYPE "public"."target_scope"`);
    await queryRunner.query(`DROP TYPE "public"."indicator_comparison"`);
    await queryRunner.query(`DROP FUNCTION indicator_snapshot_immutable()`);
  }
}
