import type { Strings } from '../id';
import { common } from './common';
import { entry } from './entry';
import { home } from './home';
import { lock } from './lock';
import { month } from './month';
import { operator } from './operator';
import { report } from './report';
import { review } from './review';
import { setup } from './setup';

export const strings: Strings = { common, lock, home, entry, month, review, report, setup, operator };
