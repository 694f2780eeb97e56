import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberBirthMonth1796154319532 implements MigrationInterface {
  name = 'MemberBirthMonth1796154319532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Existing members get the month of their stored birth date, then the column becomes required.
    await queryRunner.query(`ALTER TABLE "household_member" ADD "birth_month" character(7)`);
    await queryRunner.query(`UPDATE "household_member" SET "birth_month" = to_char("birth_date", 'YYYY-MM')`);
    await queryRunner.query(`ALTER TABLE "household_member" ALTER COLUMN "birth_month" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_household_member__birth_month" ON "household_member"  ("birth_month") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_household_member__birth_month"`);
    await queryRunner.query(`ALTER TABLE "household_member" DROP COLUMN "birth_month"`);
  }
}
