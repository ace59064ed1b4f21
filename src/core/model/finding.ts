export type Severity = 'error' | 'warning' | 'inconsistency' | 'info';

/**
 * One thing a reader or validator has to say about an input: a stable code (Arelle's where one exists,
 * otherwise `kessan:*` or `release:*`), a plain-language message and where it is.
 */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly factIds?: readonly string[];
}

/** `file:line:col: severity code message`: the one text form of a finding (the CLI's, SARIF's message aside). */
export function formatFinding(f: Finding): string {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: ` : '';
  return `${where}${f.severity} ${f.code} ${f.message}`;
}

export function hasErrors(findings: Iterable<Finding>): boolean {
  for (const f of findings) if (f.severity === 'error') return true;
  return false;
}

/** The findings with repeats left out: the same finding reached twice (by reading and by loading the DTS, say) is said once. */
export function uniqueFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.severity}\u0000${f.file ?? ''}\u0000${f.line ?? ''}\u0000${f.column ?? ''}\u0000${f.message}\u0000${f.factIds?.join(' ') ?? ''}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** A finding as JSON: only its defined fields (the report schema forbids others), plain data a worker can post. */
export function findingJson(f: Finding): Finding {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.file ? { file: f.file } : {}),
    ...(f.line ? { line: f.line } : {}),
    ...(f.column ? { column: f.column } : {}),
    ...(f.factIds?.length ? { factIds: [...f.factIds] } : {}),
  };
}
