package io.p4n4.core.project;

/** Where a project keeps its stacks' files. */
public enum ProjectLayout {
    /** p4n4-lib projects: {@code stacks/<id>/docker-compose.yml}, one root {@code .env}. */
    STACKS,
    /** Upstream, one stack: {@code docker-compose.yml} and {@code .env} at the project root. */
    LEGACY_FLAT,
    /** Upstream, several stacks: {@code <id>/docker-compose.yml} and {@code <id>/.env} per stack. */
    LEGACY_PER_STACK
}
