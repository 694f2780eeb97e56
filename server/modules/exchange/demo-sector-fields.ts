import type { EntityManager } from 'typeorm';

/**
 * The demo population's person-level sector fields (issue #16), derived from what the demo already
 * says of each member and household, as the departments' feeds would have delivered them: 低保 and
 * 特困 per member of the households that receive them (单人户施保 for one-person households), 残疾证
 * for disabled members, 医保 subsidy for alleviated and assisted households, pension with 代缴, family
 * doctor for the ill, enrolment for pupils (a drop-out where the demo has one), housing and water for
 * heads. Source FEED, as of the first of last month; one history row each. Deterministic (hashtext).
 */
export async function seedSectorFields(m: EntityManager): Promise<void> {
  const asOf = `(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month')::date`;
  const values = `
    SELECT mm.id AS member_id, f.field, f.value, f.code
      FROM household_member mm JOIN household h ON h.id = mm.household_id
      CROSS JOIN LATERAL (VALUES
        ('SUBSISTENCE_ALLOWANCE', CASE WHEN h.has_subsistence_allowance THEN 'true' END, 'D11'),
        ('SINGLE_PERSON_ALLOWANCE', CASE WHEN h.has_subsistence_allowance
            AND (SELECT count(*) FROM household_member x WHERE x.household_id = h.id) = 1 THEN 'true' END, 'D11'),
        ('EXTREME_POVERTY_SUPPORT', CASE WHEN h.has_extreme_poverty_support
            THEN CASE WHEN abs(hashtext(mm.id::text)) % 5 = 0 THEN 'CENTRALIZED' ELSE 'DISPERSED' END END, 'D11'),
        ('LEFT_BEHIND_CHILD', CASE WHEN mm.school_status IN ('PRIMARY', 'JUNIOR_SECONDARY')
            AND abs(hashtext(mm.id::text || 'lb')) % 12 = 0 THEN 'true' END, 'D11'),
        ('DISABILITY_TYPE', CASE WHEN mm.health_status = 'DISABLED' THEN (ARRAY['VISUAL','HEARING','SPEECH','PHYSICAL',
            'INTELLECTUAL','MENTAL','MULTIPLE'])[1 + abs(hashtext(mm.id::text || 'd')) % 7] END, 'D18'),
        ('DISABILITY_GRADE', CASE WHEN mm.health_status = 'DISABLED' THEN coalesce(mm.disability_grade, 3)::text END, 'D18'),
        ('MEDICAL_SUBSIDY_CATEGORY', CASE WHEN h.has_extreme_poverty_support THEN 'FULL'
            WHEN h.has_subsistence_allowance OR h.household_type = 'ALLEVIATED' THEN 'FIXED' END, 'D14'),
        ('OUT_OF_POCKET_MEDICAL_YUAN', CASE WHEN mm.health_status IN ('CHRONIC_ILLNESS', 'SERIOUS_ILLNESS')
            THEN ((abs(hashtext(mm.id::text || 'm')) % 1800000) / 100.0)::numeric(14,2)::text END, 'D14'),
        ('PENSION_INSURED', CASE WHEN mm.pension_insured THEN 'true' END, 'D04'),
        ('PENSION_PREMIUM_PAID_BY_GOVERNMENT', CASE WHEN mm.pension_insured
            AND (h.has_subsistence_allowance OR h.has_extreme_poverty_support OR mm.health_status = 'DISABLED') THEN 'true' END, 'D04'),
        ('FAMILY_DOCTOR_SIGNED', CASE WHEN mm.health_status <> 'HEALTHY' OR h.household_type = 'ALLEVIATED' THEN 'true' END, 'D05'),
        ('ENROLMENT_STATUS', CASE WHEN mm.school_status = 'DROPPED_OUT' THEN 'DROPPED_OUT'
            WHEN mm.school_status NOT IN ('NOT_IN_SCHOOL') THEN 'ENROLLED' END, 'D09'),
        ('SCHOOL_GRADE', CASE WHEN mm.school_status IN ('PRIMARY', 'JUNIOR_SECONDARY')
            THEN (1 + abs(hashtext(mm.id::text || 'g')) % 6)::text || '年级' END, 'D09'),
        ('HOUSING_SAFETY_GRADE', CASE WHEN mm.relation_to_head = 'HEAD' THEN h.housing_safety::text END, 'D06'),
        ('DRINKING_WATER_SAFE', CASE WHEN mm.relation_to_head = 'HEAD' THEN h.drinking_water_safe::text END, 'D10')
      ) AS f(field, value, code)
     WHERE f.value IS NOT NULL`;
  // History first: both statements skip the members' fields that already have a value.
  for (const table of ['member_sector_value_change', 'member_sector_value'])
    await m.query(
      `INSERT INTO ${table} (member_id, field, value, department_id, source, as_of, recorded_by)
       SELECT v.member_id, v.field::sector_field, v.value, d.id, 'FEED', ${asOf}, d.name || '数据'
         FROM (${values}) v JOIN department d ON d.code = v.code
        WHERE NOT EXISTS (SELECT 1 FROM member_sector_value s WHERE s.member_id = v.member_id AND s.field = v.field::sector_field)`,
    );
}
