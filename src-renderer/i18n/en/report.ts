import type { Strings } from '../id';

export const report: Strings['report'] = {
  teamTitle: 'Team',
};
