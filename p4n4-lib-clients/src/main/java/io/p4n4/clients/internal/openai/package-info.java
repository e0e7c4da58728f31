/** An OpenAI-compatible chat-completions endpoint as an LLM router provider, on the shared HTTP layer (internal). */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.clients.internal.openai;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
