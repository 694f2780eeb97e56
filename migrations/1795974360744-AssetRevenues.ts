import { MigrationInterface, QueryRunner } from 'typeorm';

/** Revenue of operating assets by year, with its distribution by purpose. */
export class AssetRevenues1795974360744 implements MigrationInterface {
  name = 'AssetRevenues1795974360744';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "asset_revenue" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "asset_id" integer NOT NULL, "year" integer NOT NULL, "amount_yuan" numeric(14,2) NOT NULL, CONSTRAINT "uq_asset_revenue__year" UNIQUE ("asset_id", "year"), CONSTRAINT "ck_asset_revenue__amount_yuan" CHECK ("amount_yuan" >= 0), CONSTRAINT "PK_1c9cec232a82575bd4906a5bdc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_asset_revenue__asset_id" ON "asset_revenue"  ("asset_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."revenue_purpose" AS ENUM('MAINTENANCE', 'CONSOLIDATION', 'VILLAGE_PUBLIC_WELFARE', 'HOUSEHOLD_DIVIDEND', 'PUBLIC_WELFARE_JOB_WAGES', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "asset_revenue_distribution" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revenue_id" integer NOT NULL, "purpose" "public"."revenue_purpose" NOT NULL, "amount_yuan" numeric(14,2) NOT NULL, CONSTRAINT "ck_asset_revenue_distribution__amount_yuan" CHECK ("amount_yuan" >= 0), CONSTRAINT "PK_f6eb76aafbe49e3b4a4a5f2ee32" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_asset_revenue_distribution__revenue_id" ON "asset_revenue_distribution"  ("revenue_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_revenue" ADD CONSTRAINT "fk_asset_revenue__asset_id" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "asset_revenue_distribution" ADD CONSTRAINT "fk_asset_revenue_distribution__revenue_id" FOREIGN KEY ("revenue_id") REFERENCES "asset_revenue"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "asset_revenue_distribution" DROP CONSTRAINT "fk_asset_revenue_distribution__revenue_id"`,
    );
    await queryRunner.query(`ALTER TABLE "asset_revenue" DROP CONSTRAINT "fk_asset_revenue__asset_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_revenue_distribution__revenue_id"`);
    await queryRunner.query(`DROP TABLE "asset_revenue_distribution"`);
    await queryRunner.query(`DROP TYPE "public"."revenue_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."ix_asset_revenue__asset_id"`);
    await queryRunner.query(`DROP TABLE "asset_revenue"`);
  }
}
