/** An error the API answers as application/problem+json (the reference's ProblemJson). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly fieldErrors?: Array<{ field: string; message: string; objectName: string }>,
    readonly headers: Record<string, string> = {},
    /** Fields some problems add to the body (an invitation conflict's `conflictingId`). */
    readonly extra: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string, id: string) => new ApiProblem(404, 'Not Found', `${what} ${id} does not exist.`);
export const conflict = (detail: string) => new ApiProblem(409, 'Conflict', detail);
export const badRequest = (detail: string, fieldErrors?: ApiProblem['fieldErrors']) =>
  new ApiProblem(400, 'Bad Request', detail, fieldErrors);
export const fieldError = (objectName: string, field: string, message: string) =>
  badRequest(`${field}: ${message}`, [{ objectName, field, message }]);
