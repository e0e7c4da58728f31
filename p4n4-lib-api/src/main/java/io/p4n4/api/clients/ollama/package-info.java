/**
 * The Ollama client contract: text generation and chat (whole or streamed token by token),
 * embeddings, and model management ({@code /api/tags}, {@code /api/show}, {@code /api/pull},
 * {@code /api/ps}, {@code /api/version}). Implementations come from {@code p4n4-lib-clients}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients.ollama;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
