/** The Ollama client on the shared HTTP layer (internal). */
package io.p4n4.clients.internal.ollama;
