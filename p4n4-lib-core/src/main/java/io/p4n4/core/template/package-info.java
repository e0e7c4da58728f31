/**
 * The template registry (F-0.2.5): read a registry's {@code index.json} (versions 1 and 2, checked against
 * bundled JSON Schemas), fetch it through a {@link io.p4n4.api.spi.TemplateSource} into a cache that
 * {@code --offline} reuses, read and check a template's {@code p4n4-template.toml}, and pull a template into a
 * project (render its {@code .j2} files, merge {@code .env} and Node-RED flows, keep what exists). Start from
 * {@link io.p4n4.core.template.TemplateRegistry#builder()}.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
