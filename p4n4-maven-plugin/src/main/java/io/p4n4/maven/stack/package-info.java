/**
 * The build-tool-neutral core of the p4n4 build plugins: {@link io.p4n4.maven.stack.ComposeStack} loads,
 * validates, starts and removes a compose project from {@link io.p4n4.maven.stack.StackSettings}, and reports
 * the published ports as {@link io.p4n4.maven.stack.PublishedPorts}. No Maven type appears here (an
 * architecture test keeps it so), so a Gradle plugin can wrap these classes the way the Mojos of
 * {@code io.p4n4.maven} do.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.maven.stack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
