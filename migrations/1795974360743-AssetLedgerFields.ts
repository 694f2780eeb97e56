import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ledger fields of assets: document numbers of rights confirmation and hand-over, status reason and date, beneficiary villages and households of which alleviated and monitored. */
export class AssetLedgerFields1795974360743 implements MigrationInterface {
  name = 'AssetLedgerFields1795974360743';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "asset" ADD "rights_document_no" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "asset" ADD "handover_document_no" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "asset" ADD "status_reason" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "asset" ADD "status_changed_at" date`);
    await queryRunner.query(`ALTER TABLE "asset" ADD "beneficiary_villages" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "asset" ADD "beneficiary_alleviated_households" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD "beneficiary_monitored_households" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset" ADD CONSTRAINT "ck_asset__beneficiary_of_which" CHECK ("beneficiary_villages" >= 0 AND "beneficiary_alleviated_households" >= 0 AND "beneficiary_monitored_households" >= 0 AND "beneficiary_alleviated_households" + "beneficiary_monitored_households" <= "beneficiary_households")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "asset" DROP CONSTRAINT "ck_asset__beneficiary_of_which"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "beneficiary_monitored_households"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "beneficiary_alleviated_households"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "beneficiary_villages"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "status_reason"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "handover_document_no"`);
    await queryRunner.query(`ALTER TABLE "asset" DROP COLUMN "rights_document_no"`);
  }
}
