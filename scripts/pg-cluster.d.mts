/** Types of pg-cluster.mjs for the TypeScript benchmarks that start a throwaway cluster. */
export interface PgCluster {
  /** Admin URL, e.g. postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Stops the server and deletes its files. */
  stop: () => void;
}
export function startPgCluster(): Promise<PgCluster>;
