package dev.parley.runtime.pipeline;

/**
 * A YAML scalar with {@code ${...}} placeholders, kept unexpanded until its stage is chosen, so an unused
 * alternative never demands its variables.
 *
 * @param text  the scalar as written
 * @param plain true for an unquoted scalar: after expansion it is typed like YAML would (number, boolean);
 *              quoted scalars stay strings
 */
record Template(String text, boolean plain) {
}
