/**
 * True in development and test builds, false in the production build a user
 * installs (scripts/build.mjs defines it; the minifier then drops every
 * `if (MENTORSHIP_TEST_SEAM)` branch). Test hooks live only behind it.
 */
declare const MENTORSHIP_TEST_SEAM: boolean;
