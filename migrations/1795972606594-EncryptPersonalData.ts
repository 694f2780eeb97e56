import { MigrationInterface, QueryRunner } from 'typeorm';
import { decrypt, encrypt, lookupHash } from '../server/auth/personal-data';

const BATCH = 2000;

/**
 * ID numbers and phone numbers encrypted at rest (AES-256-GCM) with a keyed hash (HMAC-SHA256) for
 * exact-match lookup and uniqueness of ID numbers. Existing rows are encrypted in batches with the
 * configured data key (DATA_KEY / DATA_KEY_FILE), then the plaintext columns are dropped.
 */
export class EncryptPersonalData1795972606594 implements MigrationInterface {
  name = 'EncryptPersonalData1795972606594';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "household_member" ADD "id_number_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "household_member" ADD "id_number_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "household" ADD "phone_encrypted" text`);
    await this.convert(queryRunner, 'household_member', 'id_number', (v) => [encrypt(v), lookupHash(v)], [
      'id_number_encrypted',
      'id_number_hash',
    ]);
    await this.convert(queryRunner, 'household', 'phone', (v) => [encrypt(v)], ['phone_encrypted']);
    await queryRunner.query(`ALTER TABLE "household_member" ALTER COLUMN "id_number_encrypted" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "household_member" ALTER COLUMN "id_number_hash" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "household_member" ADD CONSTRAINT "uq_household_member__id_number_hash" UNIQUE ("id_number_hash")`,
    );
    await queryRunner.query(
      `ALTER TABLE "household_member" DROP CONSTRAINT "uq_household_member__id_number"`,
    );
    await queryRunner.query(`ALTER TABLE "household_member" DROP COLUMN "id_number"`);
    await queryRunner.query(`ALTER TABLE "household" DROP COLUMN "phone"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "household_member" ADD "id_number" character varying(18)`);
    await queryRunner.query(`ALTER TABLE "household" ADD "phone" character varying(20)`);
    await this.convert(queryRunner, 'household_member', 'id_number_encrypted', (v) => [decrypt(v)], [
      'id_number',
    ]);
    await this.convert(queryRunner, 'household', 'phone_encrypted', (v) => [decrypt(v)], ['phone']);
    await queryRunner.query(`ALTER TABLE "household_member" ALTER COLUMN "id_number" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "household_member" ADD CONSTRAINT "uq_household_member__id_number" UNIQUE ("id_number")`,
    );
    await queryRunner.query(`ALTER TABLE "household_member" DROP COLUMN "id_number_encrypted"`);
    await queryRunner.query(`ALTER TABLE "household_member" DROP COLUMN "id_number_hash"`);
    await queryRunner.query(`ALTER TABLE "household" DROP COLUMN "phone_encrypted"`);
  }

  /** Rewrites `from` into `to` columns for every row where `from` is set, `BATCH` rows per statement. */
  private async convert(
    queryRunner: QueryRunner,
    table: string,
    from: string,
    map: (v: string) => string[],
    to: string[],
  ): Promise<void> {
    let after = 0;
    for (;;) {
      const rows: { id: number; v: string }[] = await queryRunner.query(
        `SELECT id, "${from}" AS v FROM "${table}" WHERE id > $1 AND "${from}" IS NOT NULL ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) return;
      const values = rows.map((r) => map(r.v));
      const sets = to.map((c, i) => `"${c}" = x.c${i}`).join(', ');
      const cols = to.map((_, i) => `unnest($${i + 2}::text[]) AS c${i}`).join(', ');
      await queryRunner.query(
        `UPDATE "${table}" t SET ${sets} FROM (SELECT unnest($1::int[]) AS id, ${cols}) x WHERE t.id = x.id`,
        [rows.map((r) => r.id), ...to.map((_, i) => values.map((v) => v[i]))],
      );
      after = rows[rows.length - 1].id;
    }
  }
}
