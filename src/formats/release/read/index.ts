import { statSync } from 'node:fs';
import type { Report } from '../../../core/model/report.js';
import type { Profile } from './profile.js';
import { loadTaxonomy } from '../../../core/taxonomy/loader.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import { readRelease } from './read.js';

export { readRelease, type ReleaseOptions } from './read.js';

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

/** Reads a release's text with a filer profile: the taxonomy, entity, calendar and units come from the profile. */
export function readReleaseWithProfile(text: string, file: string, profile: Profile, schemaRef?: string): Report {
  return readRelease(text, file, profileTaxonomy(profile), {
    entity: profile.entity,
    calendar: profile.fiscalYear,
    currency: profile.currency,
    ...(profile.convenience ? { convenienceCurrency: profile.convenience.currency } : {}),
    typeUnits: profile.typeUnits,
    ...(schemaRef ? { schemaRef } : {}),
  });
}
