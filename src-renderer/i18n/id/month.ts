/** Words of the month screens (Indonesian). Every key here has its English twin in ../en/month.ts. */
export const month = {};
