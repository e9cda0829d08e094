import type { Strings } from '../id';
import { common } from './common';
import { entry } from './entry';
import { home } from './home';
import { lock } from './lock';
import { month } from './month';

export const strings: Strings = { common, lock, home, entry, month };
