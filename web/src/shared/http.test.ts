import { describe, expect, it } from 'vitest';
import { refusal } from './http';

describe('refusal', () => {
  it('carries the server\'s first error and its classification', () => {
    const error = refusal({ status: 200, body: { data: undefined,
      errors: [{ message: 'first: must be between 0 and 100, got 500', extensions: { classification: 'BAD_REQUEST' } }] } });
    expect(error.message).toBe('first: must be between 0 and 100, got 500');
    expect(error.classification).toBe('BAD_REQUEST');
    expect(error.status).toBe(200);
  });

  it('makes a refused key UNAUTHORIZED, with the server\'s words when it gave some', () => {
    expect(refusal({ status: 401, body: { errors: [{ message: 'no API key was given',
      extensions: { classification: 'UNAUTHORIZED' } }] } }).message).toBe('no API key was given');
    const forbidden = refusal({ status: 403, body: {} });
    expect(forbidden.classification).toBe('UNAUTHORIZED');
    expect(forbidden.message).toBe('This API key is not accepted');
  });

  it('names the status when the body says nothing', () => {
    expect(refusal({ status: 502, body: {} }).message).toBe('Custograph answered 502');
  });
});
