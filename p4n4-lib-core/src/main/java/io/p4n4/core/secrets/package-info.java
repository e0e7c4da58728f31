/**
 * Secret values of a project: generation from {@link java.security.SecureRandom}, masking for display,
 * and rotation plans the caller confirms before they are written.
 */
package io.p4n4.core.secrets;
