import { MigrationInterface, QueryRunner } from 'typeorm';

/** Disposal requests of assets and their approval. */
export class AssetDisposals1795974360745 implements MigrationInterface {
  name = 'AssetDisposals1795974360745';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."disposal_status" AS ENUM('REQUESTED', 'APPROVED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."disposal_reason" AS ENUM('DISASTER', 'ACCIDENT', 'PLANNING', 'END_OF_LIFE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."disposal_method" AS ENUM('SALE', 'TRANSFER', 'DONATION', 'SCRAP', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "asset_disposal" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "asset_id" integer NOT NULL, "status" "public"."disposal_status" NOT NULL DEFAULT 'REQUESTED', "reason" "public"."disposal_reason" NOT NULL, "method" "public"."disposal_method" NOT NULL, "explanation" character varying(500) NOT NULL, "expected_proceeds_yuan" numeric(14,2) NOT NULL, "requested_by_id" integer NOT NULL, "requested_by_name" character varying(50) NOT NULL, "requested_at" date NOT NULL, "decided_by_id" integer, "decided_by_name" character varying(50), "decided_at" date, "approval_document_no" character varying(60), "rejection_reason" character varying(500), "proceeds_yuan" numeric(14,2), CONSTRAINT "ck_asset_disposal__proceeds" CHECK ("expected_proceeds_yuan" >= 0 AND ("proceeds_yuan" IS NULL OR "proceeds_yuan" >= 0)), CONSTRAINT "PK_866446c203d4f45232f6e0ba55a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset_disposal__asset_id" ON "asset_disposal"  ("asset_id") `);
    await queryRunner.query(`CREATE INDEX "ix_asset_disposal__status" ON "asset_disposal"  ("status") `);
    await queryRunner.query(
      `ALTER TABLE "asset_disposal" ADD CONSTRAINT "fk_asset_disposal__asset_id" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_disposal" ADD CONSTRAINT "fk_asset_disposal__requested_by_id" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_disposal" ADD CONSTRAINT "fk_asset_disposal__decided_by_id" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "asset_disposal" DROP CONSTRAINT "fk_asset_disposal__decided_by_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_disposal" DROP CONSTRAINT "fk_asset_disposal__requested_by_id"`,
    );
    await queryRunner.query(`ALTER TABLE "asset_disposal" DROP CONSTRAINT "fk_asset_disposal__asset_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_disposal__status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_disposal__asset_id"`);
    await queryRunner.query(`DROP TABLE "asset_disposal"`);
    await queryRunner.query(`DROP TYPE "public"."disposal_method"`);
    await queryRunner.query(`DROP TYPE "public"."disposal_reason"`);
    await queryRunner.query(`DROP TYPE "public"."disposal_status"`);
  }
}
