/** Tim and the printable monthly reports. */
export const report = {
  teamTitle: 'Tim',
};
