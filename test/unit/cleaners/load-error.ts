import { loadCleanerFile } from '../../../src/cleaners/file.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';

/** The error loading a cleaner file's text gives; fails the test when it loads. */
export function loadError(file: string, text: string): DeclutterError {
  try {
    loadCleanerFile(file, text);
  } catch (error) {
    if (error instanceof DeclutterError) return error;
    throw error;
  }
  throw new Error(`${file} loaded without an error`);
}
