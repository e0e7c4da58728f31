/**
 * The goals of {@code p4n4-maven-plugin}: {@code p4n4:up} (bound to {@code pre-integration-test}),
 * {@code p4n4:down} ({@code post-integration-test}), {@code p4n4:validate} and {@code p4n4:config}. Each Mojo
 * only maps its parameters to {@link io.p4n4.maven.stack.StackSettings} and runs
 * {@link io.p4n4.maven.stack.ComposeStack}, the build-tool-neutral core. See docs/maven-plugin.md.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.maven;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
