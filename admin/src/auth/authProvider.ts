import type { AuthProvider } from 'react-admin';
import enums from '../generated/enums.json';
import { gql } from '../providers/graphql';

/** What the console knows of the signed-in user (from `me`). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  townshipId: string | null;
  villageId: string | null;
  departmentId: string | null;
  mustChangePassword: boolean;
}

export type Role =
  'ADMIN' | 'DISTRICT_OFFICER' | 'TOWNSHIP_OFFICER' | 'VILLAGE_CADRE' | 'DEPARTMENT_OFFICER' | 'AUDITOR';

const ME = 'id username displayName role townshipId villageId departmentId mustChangePassword';

let cached: Promise<Me | null> | null = null;

/** The signed-in user, asked once and kept until sign-in, sign-out or a password change. */
export function currentUser(refresh = false): Promise<Me | null> {
  if (refresh || !cached)
    cached = gql(`{ me { ${ME} } }`).then(
      (d) => d.me as Me,
      () => null,
    );
  return cached;
}

/**
 * Sign-in through the API's `login` mutation: the server sets an HttpOnly, SameSite=Strict session
 * cookie, so the console never holds the token. Sessions end at `logout` or after the idle timeout;
 * any UNAUTHENTICATED answer sends the user back to the login page.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    await gql(
      `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { user { id } } }`,
      {
        u: username,
        p: password,
      },
    );
    await currentUser(true);
  },
  async logout() {
    await gql('mutation { logout }').catch(() => undefined);
    cached = Promise.resolve(null);
  },
  async checkAuth() {
    if (!(await currentUser())) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error) {
    if (error?.status === 401) {
      cached = Promise.resolve(null);
      throw error;
    }
  },
  async getIdentity() {
    const me = await currentUser();
    if (!me) throw new Error('ra.auth.auth_check_error');
    // The app bar shows who is signed in and in which role: 张三 · 乡镇（街道）工作人员.
    const role = (enums as Record<string, Record<string, string>>).Role?.[me.role] ?? me.role;
    return { id: me.id, fullName: `${me.displayName} · ${role}` };
  },
  async getPermissions() {
    return currentUser();
  },
};
