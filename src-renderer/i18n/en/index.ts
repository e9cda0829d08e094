import type { Strings } from '../id';
import { common } from './common';
import { entry } from './entry';
import { home } from './home';
import { lock } from './lock';
import { month } from './month';
import { report } from './report';
import { review } from './review';

export const strings: Strings = { common, lock, home, entry, month, review, report };
