import { resources } from './config';

type Translate = (key: string, options?: any) => string;

/**
 * An audit event's operation in words: 新增农户, 修改资产, 登录失败, 提交月度报告, … Mutation names are
 * create/update/delete + type (said with the resource's name), or a verb named in app.audit.operations.
 * Falls back to the raw name (a test holds that every operation the server writes has words).
 */
export function operationLabel(op: string, t: Translate): string {
  const named = t(`app.audit.operations.${op}`, { _: '' });
  if (named) return named;
  const m = /^(create|update|delete)(.+)$/.exec(op);
  if (!m) return op;
  const r = resources.find((x) => (x.mutationType ?? x.type) === m[2]);
  const what = r
    ? t(`resources.${r.name}.name`, { smart_count: 1 })
    : t(`app.auditEntities.${m[2]}`, { _: '' });
  return what ? `${t(`app.audit.verbs.${m[1]}`)}${what}` : op;
}

/** An audit event's object type in words: a console resource's name, else app.auditEntities. */
export function entityLabel(entity: string, t: Translate): string {
  const r = resources.find((x) => x.type === entity);
  if (r) return t(`resources.${r.name}.name`, { smart_count: 1 });
  return t(`app.auditEntities.${entity}`, { _: entity });
}
