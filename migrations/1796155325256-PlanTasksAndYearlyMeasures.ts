import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanTasksAndYearlyMeasures1796155325256 implements MigrationInterface {
  name = 'PlanTasksAndYearlyMeasures1796155325256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plan_task" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "section_no" smallint NOT NULL, "section_title" character varying(60) NOT NULL, "task_no" smallint NOT NULL, "clause" character varying(20) NOT NULL, "title" character varying(100) NOT NULL, "includes_townships" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_plan_task__section_no_task_no" UNIQUE ("section_no", "task_no"), CONSTRAINT "PK_c1075f70debd8c46630dbb63536" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_task_unit" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "plan_task_id" integer NOT NULL, "department_id" integer NOT NULL, "is_lead" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_plan_task_unit__plan_task_id_department_id" UNIQUE ("plan_task_id", "department_id"), CONSTRAINT "PK_a73b05bd9773f902ca574502f01" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_plan_task_unit__plan_task_id" ON "plan_task_unit"  ("plan_task_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_plan_task_unit__department_id" ON "plan_task_unit"  ("department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_measure" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "plan_task_id" integer NOT NULL, "department_id" integer NOT NULL, "year" smallint NOT NULL, "content" character varying(1000) NOT NULL, "responsible_leader" character varying(60) NOT NULL, "deadline" date NOT NULL, CONSTRAINT "PK_3ff1127bfe53ecb6799ad54a832" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_plan_measure__plan_task_id" ON "plan_measure"  ("plan_task_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_plan_measure__department_id" ON "plan_measure"  ("department_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_plan_measure__year" ON "plan_measure"  ("year") `);
    await queryRunner.query(
      `ALTER TABLE "plan_task_unit" ADD CONSTRAINT "fk_plan_task_unit__plan_task_id" FOREIGN KEY ("plan_task_id") REFERENCES "plan_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_task_unit" ADD CONSTRAINT "fk_plan_task_unit__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_measure" ADD CONSTRAINT "fk_plan_measure__plan_task_id" FOREIGN KEY ("plan_task_id") REFERENCES "plan_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_measure" ADD CONSTRAINT "fk_plan_measure__department_id" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_measure" DROP CONSTRAINT "fk_plan_measure__department_id"`);
    await queryRunner.query(`ALTER TABLE "plan_measure" DROP CONSTRAINT "fk_plan_measure__plan_task_id"`);
    await queryRunner.query(
      `ALTER TABLE "plan_task_unit" DROP CONSTRAINT "fk_plan_task_unit__department_id"`,
    );
    await queryRunner.query(`ALTER TABLE "plan_task_unit" DROP CONSTRAINT "fk_plan_task_unit__plan_task_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_measure__year"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_measure__department_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_measure__plan_task_id"`);
    await queryRunner.query(`DROP TABLE "plan_measure"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_task_unit__department_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_task_unit__plan_task_id"`);
    await queryRunner.query(`DROP TABLE "plan_task_unit"`);
    await queryRunner.query(`DROP TABLE "plan_task"`);
  }
}
