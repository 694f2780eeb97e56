import { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitCountersAndApiKeyLimits1796154889980 implements MigrationInterface {
  name = 'RateLimitCountersAndApiKeyLimits1796154889980';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counter" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "blocked_until" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_5bfa3ad3fe33321b1d17eae4746" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`ALTER TABLE "api_key" ADD "rate_limit_per_minute" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "rate_limit_per_minute"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
