/**
 * The environment for a child Node program started from a test: without
 * NODE_TEST_CONTEXT, which would make the child talk the test runner's protocol.
 */
export function programEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_TEST_CONTEXT;
  return env;
}
