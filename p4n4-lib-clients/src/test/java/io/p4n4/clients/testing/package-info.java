/** Test support: MockWebServer with connection-leak checks. */
package io.p4n4.clients.testing;
