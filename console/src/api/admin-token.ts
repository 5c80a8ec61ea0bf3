/**
 * The admin token, held in this module's memory for the life of the tab: never written to storage,
 * a cookie or the URL, never put in the DOM after it is read, and gone on reload. Forgotten at once
 * when the server refuses it.
 */
let token: string | null = null;

export const adminToken = {
  get: (): string | null => token,
  set(value: string): void {
    token = value;
  },
  forget(): void {
    token = null;
  },
};
