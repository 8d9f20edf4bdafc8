/** A validation finding on one field of a record: the mutation reports it as BAD_USER_INPUT, an import as "line N: ...". */
export interface Problem {
  field: string;
  message: string;
}

export function checkText(problems: Problem[], field: string, value: string | null | undefined, max: number, required = true): void {
  if (value === undefined || value === null || value.trim() === '') {
    if (required) problems.push({ field, message: `${field} is required.` });
    return;
  }
  if (value.length > max) problems.push({ field, message: `${field} is ${value.length} characters long; at most ${max}.` });
}
