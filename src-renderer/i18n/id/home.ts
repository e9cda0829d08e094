/** Words of the home screens (Indonesian). Every key here has its English twin in ../en/home.ts. */
export const home = {};
