/**
 * Git template registries for p4n4-lib: {@link io.p4n4.templates.git.GitTemplateSource}, a
 * {@link io.p4n4.api.spi.TemplateSource} on JGit (no git binary). Found by {@link java.util.ServiceLoader};
 * register it explicitly only to bypass discovery.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.templates.git;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
