/**
 * How the template registry works inside: the index reader and its schemas, the built-in sources (static
 * HTTPS index, local directory), tarballs with their SHA-256 check, the snapshot cache and the merge of a
 * template's files into a project. Internal: use {@link io.p4n4.core.template.TemplateRegistry}.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.template.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
