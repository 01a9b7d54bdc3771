import { describe, expect, it } from 'vitest';
import { ApiError, messagesByField, toProblem } from './problem';

describe('a problem detail on a form', () => {
  const invalid = {
    type: 'urn:lendflow:problem:invalid-request', title: 'Invalid request', status: 400,
    detail: 'comment: must not be blank; vip: is not a field of this request',
    errors: [
      { field: 'comment', rule: 'NotBlank', message: 'must not be blank' },
      { field: 'request.customerId', rule: 'type', message: 'must be a UUID' },
      { field: 'vip', rule: 'unknown-field', message: 'is not a field of this request' },
    ],
  };

  it('puts each message next to the field it names, by path or by last segment', () => {
    const byField = messagesByField(invalid, ['comment', 'customerId']);
    expect(byField.comment).toEqual(['must not be blank']);
    expect(byField.customerId).toEqual(['must be a UUID']);
  });

  it('reads a rule the message file knows in the staff member\'s language, and the API\'s words otherwise', () => {
    const byField = messagesByField(invalid, ['comment', 'customerId'], (rule, message) => rule === 'NotBlank' ? '必填' : message);
    expect(byField.comment).toEqual(['必填']);
    expect(byField.customerId).toEqual(['must be a UUID']);
  });

  it('keeps messages for fields the form does not have, above the buttons', () => {
    expect(messagesByField(invalid, ['comment', 'customerId'])['']).toEqual(['vip: is not a field of this request']);
  });

  it('shows the detail of a problem that names no field', () => {
    const conflict = { status: 409, title: 'Conflict', detail: 'the review is already concluded' };
    expect(messagesByField(conflict, ['comment'])).toEqual({ '': ['the review is already concluded'] });
  });

  it('leaves a 403 to the not-allowed notice rather than a field', () => {
    const forbidden = { status: 403, title: 'Forbidden', detail: 'this token may not POST /ops/v1/antifraud/reviews/x/approve' };
    expect(messagesByField(forbidden, ['comment'])).toEqual({});
    expect(new ApiError(forbidden).notAllowed).toBe(true);
  });

  it('makes a problem of an answer that is not one', () => {
    expect(toProblem(502, '<html>Bad gateway</html>', 'Bad Gateway')).toEqual(
      { status: 502, title: 'Bad Gateway', detail: '<html>Bad gateway</html>' });
    expect(toProblem(404, { status: 404, title: 'Not found', detail: 'Customer x does not exist' }).detail)
      .toBe('Customer x does not exist');
  });
});
