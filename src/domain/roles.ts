/** Who a chat speaks for in its unit. */
export const ROLES = ['officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  officer: 'công chức',
  leader: 'lãnh đạo',
  admin: 'quản trị',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Importing results is the work of the parent unit's office. */
export function canImport(role: string | null | undefined): boolean {
  return role === 'admin';
}
