/**
 * Ollama client benchmarks: small non-streaming calls per second over keep-alive against a local
 * stub, p4n4's client against ollama4j in the same run.
 */
package io.p4n4.benchmarks.ollama;
