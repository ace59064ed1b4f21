import type { Report } from '../../../core/model/report.js';
import type { Profile } from './profile.js';
import { profileTaxonomy } from './profile-taxonomy.js';
import { readRelease } from './read.js';

export { readRelease, type ReleaseOptions } from './read.js';
export { profileTaxonomy } from './profile-taxonomy.js';

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
