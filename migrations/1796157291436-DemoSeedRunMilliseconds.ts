import { MigrationInterface, QueryRunner } from 'typeorm';

export class DemoSeedRunMilliseconds1796157291436 implements MigrationInterface {
  name = 'DemoSeedRunMilliseconds1796157291436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "demo_seed_run" ALTER COLUMN "started_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "demo_seed_run" ALTER COLUMN "completed_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "demo_seed_run" ALTER COLUMN "completed_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "demo_seed_run" ALTER COLUMN "started_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
  }
}
