import { DomainError, DomainErrorKind } from '@redress/domain';

describe('DomainError', () => {
  it('carries its code, kind and details', () => {
    const error = new DomainError('claims.illegal-transition', DomainErrorKind.IllegalTransition, 'No', [
      { field: 'status', message: 'is closed' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('claims.illegal-transition');
    expect(error.kind).toBe('illegal-transition');
    expect(error.details).toEqual([{ field: 'status', message: 'is closed' }]);
  });
});
