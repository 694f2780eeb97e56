import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepMeasuresOfDeletedMembers1795964811706 implements MigrationInterface {
  name = 'KeepMeasuresOfDeletedMembers1795964811706';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__beneficiary_member_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__beneficiary_member_id" FOREIGN KEY ("beneficiary_member_id") REFERENCES "household_member"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" DROP CONSTRAINT "fk_assistance_measure__beneficiary_member_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assistance_measure" ADD CONSTRAINT "fk_assistance_measure__beneficiary_member_id" FOREIGN KEY ("beneficiary_member_id") REFERENCES "household_member"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }
}
