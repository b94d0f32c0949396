// Operator-facing startup errors are the kernel's (kernel/errors.ts), so the
// data layer and the seed raise them without importing the platform.
export { StartupError, describeError, isStartupError } from '../../kernel/errors.ts';
