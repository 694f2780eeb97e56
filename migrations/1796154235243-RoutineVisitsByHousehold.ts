import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutineVisitsByHousehold1796154235243 implements MigrationInterface {
  name = 'RoutineVisitsByHousehold1796154235243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Existing visits belong to their case's household (added nullable, filled, then required).
    await queryRunner.query(`ALTER TABLE "monitoring_visit" ADD "household_id" integer`);
    await queryRunner.query(
      `UPDATE "monitoring_visit" v SET "household_id" = c."household_id" FROM "monitoring_case" c WHERE c."id" = v."monitoring_case_id"`,
    );
    await queryRunner.query(`ALTER TABLE "monitoring_visit" ALTER COLUMN "household_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "monitoring_visit" ADD "idempotency_key" character varying(64)`);
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" DROP CONSTRAINT "fk_monitoring_visit__monitoring_case_id"`,
    );
    await queryRunner.query(`ALTER TABLE "monitoring_visit" ALTER COLUMN "monitoring_case_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_visit__household_id" ON "monitoring_visit"  ("household_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_monitoring_visit__idempotency_key" ON "monitoring_visit"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" ADD CONSTRAINT "fk_monitoring_visit__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" ADD CONSTRAINT "fk_monitoring_visit__monitoring_case_id" FOREIGN KEY ("monitoring_case_id") REFERENCES "monitoring_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" DROP CONSTRAINT "fk_monitoring_visit__monitoring_case_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" DROP CONSTRAINT "fk_monitoring_visit__household_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_monitoring_visit__idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_monitoring_visit__household_id"`);
    await queryRunner.query(`DELETE FROM "monitoring_visit" WHERE "monitoring_case_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "monitoring_visit" ALTER COLUMN "monitoring_case_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "monitoring_visit" ADD CONSTRAINT "fk_monitoring_visit__monitoring_case_id" FOREIGN KEY ("monitoring_case_id") REFERENCES "monitoring_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "monitoring_visit" DROP COLUMN "idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "monitoring_visit" DROP COLUMN "household_id"`);
  }
}
