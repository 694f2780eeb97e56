import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimestampsToMilliseconds1796155033854 implements MigrationInterface {
  name = 'TimestampsToMilliseconds1796155033854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app_user" ALTER COLUMN "locked_until" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ALTER COLUMN "last_login_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ALTER COLUMN "last_seen_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ALTER COLUMN "revoked_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ALTER COLUMN "revoked_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ALTER COLUMN "last_used_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "api_key" ALTER COLUMN "last_used_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ALTER COLUMN "revoked_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ALTER COLUMN "revoked_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ALTER COLUMN "last_seen_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ALTER COLUMN "last_login_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ALTER COLUMN "locked_until" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
  }
}
