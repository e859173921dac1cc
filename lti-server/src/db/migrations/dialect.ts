/** The database a migration runs on: the few statements that differ branch on it inside their migration. */
export type Dialect = 'sqlite' | 'postgres';
