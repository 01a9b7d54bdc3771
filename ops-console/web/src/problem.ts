/** An RFC 9457 problem detail as every Lendflow API answers a refusal. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: FieldViolation[];
}

/** A refused or failed call: the HTTP status and the problem the API gave (or one made up for a non-problem answer). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }

  /** 403: the signed-in staff member's roles do not allow this. */
  get notAllowed(): boolean {
    return this.status === 403;
  }

  get unauthenticated(): boolean {
    return this.status === 401 && !this.problem.errors?.length;
  }
}

/**
 * The messages of a problem by the form field they belong to. A problem field such as {@code device.ip}
 * is matched to a form field by its full path first, then by its last segment; what matches no
 * form field is returned under '' so the form shows it above its buttons, never drops it.
 */
export function messagesByField(problem: Problem | undefined, formFields: readonly string[],
                                translate: (rule: string, message: string) => string = (_, message) => message): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  if (!problem) {
    return byField;
  }
  const add = (field: string, message: string) => {
    (byField[field] ??= []).push(message);
  };
  for (const violation of problem.errors ?? []) {
    const last = violation.field.split('.').pop() ?? violation.field;
    const message = translate(violation.rule, violation.message);
    if (formFields.includes(violation.field)) {
      add(violation.field, message);
    } else if (formFields.includes(last)) {
      add(last, message);
    } else {
      add('', `${violation.field}: ${message}`);
    }
  }
  if (!problem.errors?.length && problem.status !== 403) {
    add('', problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  return byField;
}

/** Turns any answer that is not 2xx into a problem, whether or not the body is one. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (body && typeof body === 'object' && 'status' in body) {
    return body as Problem;
  }
  const detail = typeof body === 'string' && body.trim() !== '' ? body.slice(0, 300) : statusText || undefined;
  return { status, title: statusText || `HTTP ${status}`, detail };
}
