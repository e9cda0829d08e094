import type { Strings } from '../id';

export const review: Strings['review'] = {
  title: 'Review',
};
