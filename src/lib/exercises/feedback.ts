/**
 * What checking an answer gives back. `invalid` is an answer that cannot be judged yet (empty, not a number,
 * not JSON): it says how to fix it and is not recorded as a try.
 */
export type Feedback = { readonly kind: 'solved' | 'wrong' | 'invalid'; readonly message: string };
