/**
 * {@code .env} files with Docker Compose's semantics: {@link io.p4n4.compose.env.DotEnv} parses them
 * exactly like compose-go's {@code dotenv} package (what {@code docker compose} uses for the project
 * {@code .env}, {@code --env-file} and {@code env_file}); {@link io.p4n4.compose.env.EnvFile} edits one
 * while keeping every untouched byte (comments, blank lines, order, line endings) as it was.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.compose.env;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
