import { MigrationInterface, QueryRunner } from 'typeorm';

export class HouseholdIncomesAndThresholds1795967110966 implements MigrationInterface {
  name = 'HouseholdIncomesAndThresholds1795967110966';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "household_income" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "household_id" integer NOT NULL, "year" smallint NOT NULL, "people" smallint NOT NULL, "wage_income_yuan" numeric(14,2) NOT NULL DEFAULT '0', "production_income_yuan" numeric(14,2) NOT NULL DEFAULT '0', "property_income_yuan" numeric(14,2) NOT NULL DEFAULT '0', "transfer_income_yuan" numeric(14,2) NOT NULL DEFAULT '0', "production_costs_yuan" numeric(14,2) NOT NULL DEFAULT '0', "compliant_spending_yuan" numeric(14,2) NOT NULL DEFAULT '0', "net_income_yuan" numeric(14,2) NOT NULL, "per_capita_net_income_yuan" numeric(14,2) NOT NULL, CONSTRAINT "uq_household_income__year" UNIQUE ("household_id", "year"), CONSTRAINT "ck_household_income__wage_income_yuan" CHECK ("wage_income_yuan" >= 0 AND "production_income_yuan" >= 0 AND "property_income_yuan" >= 0 AND "transfer_income_yuan" >= 0 AND "production_costs_yuan" >= 0 AND "compliant_spending_yuan" >= 0 AND "people" > 0), CONSTRAINT "PK_0ac2c7291703b25a5bea580360e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "monitoring_threshold" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "year" smallint NOT NULL, "amount_yuan" numeric(14,2) NOT NULL, CONSTRAINT "uq_monitoring_threshold__year" UNIQUE ("year"), CONSTRAINT "ck_monitoring_threshold__amount_yuan" CHECK ("amount_yuan" > 0), CONSTRAINT "PK_ef5bc83c141cafa102a3a4b7755" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "household_income" ADD CONSTRAINT "fk_household_income__household_id" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "household_income" DROP CONSTRAINT "fk_household_income__household_id"`,
    );
    await queryRunner.query(`DROP TABLE "monitoring_threshold"`);
    await queryRunner.query(`DROP TABLE "household_income"`);
  }
}
