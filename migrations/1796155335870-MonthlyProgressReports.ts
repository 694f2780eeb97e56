import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthlyProgressReports1796155335870 implements MigrationInterface {
  name = 'MonthlyProgressReports1796155335870';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."progress_report_status" AS ENUM('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "progress_report" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "department_id" integer NOT NULL, "month" character varying(7) NOT NULL, "status" "public"."progress_report_status" NOT NULL DEFAULT 'DRAFT', "texts" jsonb NOT NULL DEFAULT '[]', "snapshot" jsonb, "first_submitted_at" TIMESTAMP(3) WITH TIME ZONE, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "submitted_by_name" character varying(50), "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by_name" character varying(50), "return_reason" character varying(500), CONSTRAINT "uq_progress_report__department_id_month" UNIQUE ("department_id", "month"), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_report__department_id" ON "progress_report"  ("department_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_progress_report__month" ON "progress_report"  ("month") `);
    await queryRunner.query(`CREATE INDEX "ix_progress_report__status" ON "progress_report"  ("status") `);
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report__department_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report__status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report__month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report__department_id"`);
    await queryRunner.query(`DROP TABLE "progress_report"`);
    await queryRunner.query(`DROP TYPE "public"."progress_report_status"`);
  }
}
