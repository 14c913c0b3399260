import { sep } from 'node:path';

/**
 * Output with the build folder written as `.`: the folder differs from run to run, and what is fed
 * back to the model must not (a rerun asks the same questions).
 */
export const local = (text: string, dir: string): string =>
  dir === sep || dir === '' ? text : text.split(`${dir}${sep}`).join(`.${sep}`);
