/**
 * A filer profile's taxonomy, loaded once per process. A module of its own, without the release reader: validating
 * an instance needs it (for a release) but must not load the reader and its HTML parser (issue 18).
 */
import { statSync } from 'node:fs';
import { loadTaxonomy } from '../../../core/taxonomy/loader.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import type { Profile } from './profile.js';

const taxonomies = new Map<string, Taxonomy>();

/** The profile's taxonomy, loaded once per process while its schema is unchanged (a batch of releases shares it). */
export function profileTaxonomy(profile: Profile): Taxonomy {
  let stamp = '';
  try {
    const st = statSync(profile.taxonomySchema);
    stamp = `${st.mtimeMs}|${st.ino}`; // every build renames a new file into place: a new inode
  } catch {
    // missing: the loader says so
  }
  const key = `${profile.taxonomySchema}|${stamp}`;
  let t = taxonomies.get(key);
  if (!t) {
    t = loadTaxonomy([profile.taxonomySchema], { locations: { packages: profile.taxonomyPackages, dirs: profile.taxonomyDirs } });
    taxonomies.set(key, t);
  }
  return t;
}
