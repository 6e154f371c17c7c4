/**
 * The reason for aborting a controller of one's own whose reason nobody reads (a timer, a
 * watch closed when its last user leaves). Made once: `abort()` without a reason builds a
 * new DOMException each time, stack trace and all, which costs a writer alone about a tenth
 * of a millisecond.
 */
export const stoppedInternally = new DOMException('stopped internally', 'AbortError');
