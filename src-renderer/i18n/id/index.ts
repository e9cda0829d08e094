import { common } from './common';
import { entry } from './entry';
import { home } from './home';
import { lock } from './lock';
import { month } from './month';
import { operator } from './operator';
import { report } from './report';
import { review } from './review';
import { setup } from './setup';

/** Every user-visible string of the kiosk screens, Indonesian first. Error messages come from src-shared/i18n. */
export const strings = { common, lock, home, entry, month, review, report, setup, operator };
export type Strings = typeof strings;
