/**
 * Ollama client benchmarks: small non-streaming calls per second over keep-alive against a local
 * stub, p4n4's client against ollama4j in the same run; and the LLM router's cost over the direct
 * clients (overhead when Ollama answers, failover after a refused connection).
 */
package io.p4n4.benchmarks.ollama;
