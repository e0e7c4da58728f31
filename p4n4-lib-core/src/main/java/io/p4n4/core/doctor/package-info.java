/**
 * {@code p4n4 doctor} as a library: every engine candidate and what answered, the engine's version against the
 * supported range, {@code p4n4-net}, the project's published host ports, NATS and MQTT reachability when
 * configured, {@code .env} permissions; a {@link io.p4n4.core.doctor.DoctorReport} of findings whose worst
 * gives the exit code.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.doctor;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
