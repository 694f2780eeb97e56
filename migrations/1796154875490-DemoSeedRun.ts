import { MigrationInterface, QueryRunner } from 'typeorm';

export class DemoSeedRun1796154875490 implements MigrationInterface {
  name = 'DemoSeedRun1796154875490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "demo_seed_run" ("id" SERIAL NOT NULL, "households" integer NOT NULL, "seed" integer NOT NULL, "batch_size" integer NOT NULL, "batches_done" integer NOT NULL DEFAULT '0', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b948e86a6d538aeba10492d4ad7" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "demo_seed_run"`);
  }
}
