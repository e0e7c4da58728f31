/**
 * {@code p4n4 template search|info|list|pull|push|org}: the template registry (F-0.2.5), through
 * {@link io.p4n4.core.template.TemplateRegistry}.
 */
package io.p4n4.cli.template;
