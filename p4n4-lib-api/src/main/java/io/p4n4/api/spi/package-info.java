/**
 * Service provider interfaces for extending p4n4-lib: implement one, list it in
 * {@code META-INF/services} (or {@code provides} in a module descriptor), and core finds it.
 */
package io.p4n4.api.spi;
