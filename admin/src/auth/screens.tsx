import { ReactNode, useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  AutocompleteInput,
  Create,
  Form,
  Logout,
  MenuItemLink,
  PasswordInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  UserMenu,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  useUserMenu,
  useGetList,
} from 'react-admin';
import { gql } from '../providers/graphql';
import { enumChoices } from '../resources/enum-choices';
import { currentUser, Me } from './authProvider';
import { canReveal } from './can';

/** Password rules of the server, for instant feedback (the server decides). */
function passwordRule(value: string) {
  if (!value) return undefined;
  if (value.length < 10) return 'errors.PASSWORD_LENGTH';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes < 3 ? 'errors.PASSWORD_TOO_SIMPLE' : undefined;
}

const sameAs = (value: string, all: any) => (value === all.newPassword ? undefined : 'app.auth.mismatch');

/** 修改密码: required after a one-time password, and open from the user menu. */
export function ChangePasswordForm({ forced = false }: { forced?: boolean }) {
  const t = useTranslate();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: any) => {
    setError(null);
    try {
      await gql(
        'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { id } }',
        { c: values.currentPassword, n: values.newPassword },
      );
      await currentUser(true);
      notify('app.auth.changed', { type: 'success' });
      window.location.hash = '#/';
      window.location.reload();
    } catch (e: any) {
      const reasons = (e.body?.fields ?? []).map((f: any) => t(`errors.${f.reason}`, { _: f.reason }));
      setError(reasons.join('；') || t(e.message, { _: e.message }));
    }
  };
  return (
    <Card sx={{ maxWidth: 480, mx: 'auto', mt: 4 }}>
      <Title title="app.auth.changePassword" />
      <CardContent>
        {forced && <Alert severity="info">{t('app.auth.mustChange')}</Alert>}
        <Form onSubmit={submit}>
          <PasswordInput source="currentPassword" label="app.auth.current" validate={required()} fullWidth />
          <PasswordInput
            source="newPassword"
            label="app.auth.new"
            validate={[required(), passwordRule]}
            helperText="app.auth.rules"
            fullWidth
          />
          <PasswordInput
            source="confirm"
            label="app.auth.confirm"
            validate={[required(), sameAs]}
            fullWidth
          />
          {error && (
            <Alert severity="error" sx={{ my: 1 }} role="alert">
              {error}
            </Alert>
          )}
          <SaveButton label="app.auth.changePassword" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
}

/** Nothing but the password change until a one-time password has been replaced. */
export function PasswordGate({ children }: { children: ReactNode }) {
  const { permissions } = usePermissions<Me>();
  return permissions?.mustChangePassword ? <ChangePasswordForm forced /> : <>{children}</>;
}

function ChangePasswordMenuItem() {
  const { onClose } = useUserMenu() ?? {};
  return (
    <MenuItemLink
      to="/change-password"
      primaryText="app.auth.changePassword"
      leftIcon={<KeyIcon />}
      onClick={onClose}
    />
  );
}

/** The app bar's user menu: who is signed in, in which role; password change; sign-out. */
export function AppUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordMenuItem />
      <Logout />
    </UserMenu>
  );
}

/** Shows a secret once, with the advice to copy it now. */
function SecretDialog({
  title,
  secret,
  onClose,
}: {
  title: string;
  secret: string | null;
  onClose: () => void;
}) {
  const t = useTranslate();
  return (
    <Dialog open={secret !== null} onClose={onClose}>
      <DialogTitle>{t(title)}</DialogTitle>
      <DialogContent>
        <Typography sx={{ fontFamily: 'monospace', fontSize: 18, my: 1 }} data-testid="secret">
          {secret}
        </Typography>
        <Alert severity="warning">{t('app.auth.shownOnce')}</Alert>
      </DialogContent>
      <DialogActions>
        <MuiButton
          onClick={() => {
            if (secret) void navigator.clipboard?.writeText(secret).catch(() => undefined);
            onClose();
          }}
          variant="contained"
        >
          {t('app.auth.copy')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/** New user: role and its scope; the one-time password is shown once after saving. */
export function UserCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  const [id, setId] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        mutationOptions={{ onSuccess: (data: any) => (setId(data.id), setSecret(data.oneTimePassword)) }}
        transform={cleanUserScope}
        redirect={false}
      >
        <SimpleForm>
          <TextInput source="username" validate={required()} />
          <TextInput source="displayName" validate={required()} />
          <SelectInput source="role" choices={enumChoices('Role')} validate={required()} />
          <ScopeInputs />
        </SimpleForm>
      </Create>
      <SecretDialog
        title="app.auth.oneTimePassword"
        secret={secret}
        onClose={() => (setSecret(null), redirect('show', 'users', id!))}
      />
    </>
  );
}

/** The one scope field each role needs (the server refuses any other: NOT_ALLOWED). */
export const SCOPE_OF_ROLE: Record<string, 'townshipId' | 'villageId' | 'departmentId' | undefined> = {
  TOWNSHIP_OFFICER: 'townshipId',
  VILLAGE_CADRE: 'villageId',
  DEPARTMENT_OFFICER: 'departmentId',
};

/** What is sent for a user: the role's own scope field, the two others cleared (never a hidden value). */
export function cleanUserScope(data: any) {
  const keep = SCOPE_OF_ROLE[data.role];
  const out = { ...data };
  for (const f of ['townshipId', 'villageId', 'departmentId']) if (f !== keep) out[f] = null;
  return out;
}

/**
 * Township, village or department, as the role needs, and nothing else: switching role clears the
 * fields it hides. A cadre's village is picked from villages grouped by township.
 */
export function ScopeInputs() {
  const role = useWatch({ name: 'role' });
  const { setValue } = useFormContext();
  const t = useTranslate();
  const { data: townships } = useGetList('townships', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  const townshipName = new Map((townships ?? []).map((x: any) => [String(x.id), x.name]));
  useEffect(() => {
    const keep = SCOPE_OF_ROLE[role];
    for (const f of ['townshipId', 'villageId', 'departmentId'] as const)
      if (f !== keep) setValue(f, null, { shouldDirty: true });
  }, [role, setValue]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%', maxWidth: 480 }}>
      {role && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('app.users.scopeHint')}
        </Typography>
      )}
      {role === 'TOWNSHIP_OFFICER' && (
        <ReferenceInput
          source="townshipId"
          reference="townships"
          perPage={100}
          sort={{ field: 'code', order: 'ASC' }}
        >
          <SelectInput optionText="name" helperText="app.auth.townshipHelp" validate={required()} fullWidth />
        </ReferenceInput>
      )}
      {role === 'VILLAGE_CADRE' && (
        <ReferenceInput
          source="villageId"
          reference="villages"
          perPage={200}
          sort={{ field: 'code', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            helperText="app.auth.villageHelp"
            groupBy={(v: any) => townshipName.get(String(v.townshipId)) ?? ''}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
      )}
      {role === 'DEPARTMENT_OFFICER' && (
        <ReferenceInput source="departmentId" reference="departments" perPage={100}>
          <AutocompleteInput
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            helperText="app.auth.departmentHelp"
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
      )}
    </Box>
  );
}

/** New API key: the secret is shown once after saving. */
export function ApiKeyCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: any) => setSecret(data.secret) }} redirect={false}>
        <SimpleForm>
          <TextInput source="name" validate={required()} />
          <ReferenceInput source="townshipId" reference="townships">
            <SelectInput optionText="name" helperText="app.auth.keyTownshipHelp" />
          </ReferenceInput>
        </SimpleForm>
      </Create>
      <SecretDialog
        title="app.auth.apiKeySecret"
        secret={secret}
        onClose={() => (setSecret(null), redirect('list', 'apiKeys'))}
      />
    </>
  );
}

/** On a user's page: a new one-time password (unlocks the account, ends its sessions). */
export function ResetPasswordButton() {
  const record = useRecordContext();
  const refresh = useRefresh();
  const [secret, setSecret] = useState<string | null>(null);
  const t = useTranslate();
  if (!record) return null;
  const reset = async () => {
    const d = await gql('mutation($id: ID!) { resetUserPassword(id: $id) { oneTimePassword } }', {
      id: record.id,
    });
    setSecret(d.resetUserPassword.oneTimePassword);
  };
  return (
    <>
      <MuiButton startIcon={<KeyIcon />} onClick={reset}>
        {t('app.auth.resetPassword')}
      </MuiButton>
      <SecretDialog
        title="app.auth.oneTimePassword"
        secret={secret}
        onClose={() => (setSecret(null), refresh())}
      />
    </>
  );
}

/** A member's ID number: masked, with a button that reveals it (audited) for the roles allowed. */
export function IdNumberField() {
  const record = useRecordContext();
  const { permissions: me } = usePermissions<Me>();
  const [full, setFull] = useState<string | null>(null);
  const t = useTranslate();
  if (!record) return null;
  const reveal = async (e: React.MouseEvent) => {
    e.stopPropagation();
    const d = await gql('mutation($id: ID!) { revealIdNumber(memberId: $id) }', { id: record.id });
    setFull(d.revealIdNumber);
  };
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <span>{full ?? record.idNumber}</span>
      {!full && canReveal(me) && (
        <MuiButton
          size="small"
          startIcon={<VisibilityIcon />}
          onClick={reveal}
          title={t('app.auth.revealHelp')}
        >
          {t('app.auth.reveal')}
        </MuiButton>
      )}
    </Box>
  );
}
