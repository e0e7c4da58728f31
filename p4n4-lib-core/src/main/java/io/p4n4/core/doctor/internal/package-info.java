/** The probes {@link io.p4n4.core.doctor.Doctor} uses: host ports, NATS and MQTT over plain sockets. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.doctor.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
