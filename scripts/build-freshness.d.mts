export interface Build {
  name: string;
  script: string;
  inputs: string[];
  output: string;
  stamp: string;
}
export const BUILDS: Build[];
export function sourcesDigest(root: string, inputs: string[]): string;
export function needsBuild(root: string, build: Build, digest?: string): boolean;
export function markBuilt(root: string, build: Build, digest: string): void;
