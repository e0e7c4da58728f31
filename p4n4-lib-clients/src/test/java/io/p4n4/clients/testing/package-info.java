/** Test support: MockWebServer with connection-leak checks; the examples of the services' own docs. */
package io.p4n4.clients.testing;
