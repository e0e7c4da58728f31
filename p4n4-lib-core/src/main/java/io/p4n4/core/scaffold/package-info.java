/**
 * Offline scaffolding: stack templates (Jinja2, rendered with Jinjava) and static files read from the
 * stack providers' resources and written into a project, plus the root {@code .env},
 * {@code .env.example} and {@code .gitignore}.
 */
package io.p4n4.core.scaffold;
