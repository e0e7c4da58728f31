/**
 * How the CLI prints: UTF-8 writers whatever the locale, the {@code --json} switch, JSON documents and
 * JSON lines, errors as JSON, and whether a real terminal is attached. Every command prints through here,
 * so the output rules live in one place (docs/cli-json.md describes the shapes).
 */
package io.p4n4.cli.output;
