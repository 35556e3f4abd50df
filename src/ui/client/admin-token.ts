/** The admin token lives in sessionStorage only: it goes when the tab closes and is never written to localStorage. */
const KEY = 'newsdesk.adminToken';

export function adminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token then lasts as long as the page.
  }
}
