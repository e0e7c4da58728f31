/**
 * Compose-spec variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}}, nested defaults and {@code $$} escaping, with the results and error messages
 * of compose-go's {@code template} package (the code {@code docker compose} runs).
 *
 * <p>Start from {@link io.p4n4.compose.interpolation.Interpolation}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.compose.interpolation;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
