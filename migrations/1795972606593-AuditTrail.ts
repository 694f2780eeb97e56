import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail, append-only: a trigger refuses UPDATE, DELETE and TRUNCATE on it (README: accounts, roles and personal data). */
export class AuditTrail1795972606593 implements MigrationInterface {
  name = 'AuditTrail1795972606593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" character varying(10) NOT NULL, "actor_id" integer, "actor_name" character varying(100) NOT NULL, "role" character varying(20), "operation" character varying(60) NOT NULL, "entity" character varying(60), "entity_id" character varying(40), "before" jsonb, "after" jsonb, "request_id" character varying(64), "client_address" character varying(64), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event__at" ON "audit_event"  ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event__actor_id" ON "audit_event"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event__operation" ON "audit_event"  ("operation") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event__entity" ON "audit_event"  ("entity") `);
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
  }
}
