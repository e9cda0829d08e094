/** Words of the entry screens (Indonesian). Every key here has its English twin in ../en/entry.ts. */
export const entry = {};
