/**
 * The Ollama client contract: text generation and chat (whole or streamed token by token),
 * embeddings, and model management ({@code /api/tags}, {@code /api/show}, {@code /api/pull},
 * {@code /api/ps}, {@code /api/version}). Implementations come from {@code p4n4-lib-clients}.
 */
package io.p4n4.api.clients.ollama;
