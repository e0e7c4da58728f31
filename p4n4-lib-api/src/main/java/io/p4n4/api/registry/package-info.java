/**
 * Registry credentials as Docker and Podman find them: {@link io.p4n4.api.registry.RegistryCredentialStore}
 * reads the Docker config file ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}: its
 * {@code auths}, {@code credHelpers} and {@code credsStore}) and Podman's auth file ({@code REGISTRY_AUTH_FILE},
 * else {@code ${XDG_RUNTIME_DIR}/containers/auth.json}), so every backend passes the same credentials to its
 * engine's pull. Lives in the api module because both backends need it and depend on nothing else.
 *
 * <p>Secrets never appear in a message, a log line or a {@code toString()}.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.api.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
