/**
 * The stack registry: stack definitions from {@link io.p4n4.api.spi.StackProvider}s, registered
 * explicitly or found with {@link java.util.ServiceLoader} (the bundled iot, ai and edge stacks are one
 * such provider).
 */
package io.p4n4.core.stack;
