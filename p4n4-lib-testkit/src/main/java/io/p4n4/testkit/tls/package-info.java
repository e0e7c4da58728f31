/**
 * TLS material for tests: {@link io.p4n4.testkit.tls.TestCertificates} makes a CA, server and client
 * certificates with the openssl CLI at test time, so no key is ever committed.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.tls;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
