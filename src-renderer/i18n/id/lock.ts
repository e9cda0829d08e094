/** Words of the lock screens (Indonesian). Every key here has its English twin in ../en/lock.ts. */
export const lock = {};
