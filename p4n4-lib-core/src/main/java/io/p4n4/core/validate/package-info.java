/**
 * Project validation: manifest, stack files, required {@code .env} variables (from the stack
 * definitions and from every {@code ${VAR}} without a default in the compose files), {@code .env}
 * permissions and git-ignore. Produces a {@link io.p4n4.api.project.ValidationReport}.
 */
package io.p4n4.core.validate;
