/** Verifikasi: the supervisor's queue and decisions. */
export const review = {
  title: 'Verifikasi',
};
