import { validate } from './profile-validator.generated.js';

/** The first problem the schema finds, shaped like ajv's ErrorObject (the fields kessan reports). */
export interface ProfileSchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

const check = validate as unknown as { (data: unknown): boolean; errors?: ProfileSchemaError[] | null };

/** Checks parsed profile JSON against schemas/profile.schema.json (precompiled: see generate-validator.ts). */
export function validateProfileData(data: unknown): { ok: true } | { ok: false; error: ProfileSchemaError | undefined } {
  return check(data) ? { ok: true } : { ok: false, error: check.errors?.[0] };
}
