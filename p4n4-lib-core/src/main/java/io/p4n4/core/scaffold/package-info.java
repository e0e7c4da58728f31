/**
 * Offline scaffolding: stack templates (Jinja2, rendered with Jinjava) and static files read from the
 * stack providers' resources and written into a project, plus the root {@code .env},
 * {@code .env.example} and {@code .gitignore}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.scaffold;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
