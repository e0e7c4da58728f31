/**
 * Types shared by every p4n4 service client: the retry policy and the cancellation handle for
 * streaming calls. The clients themselves live in the sub-packages; implementations come from
 * {@code p4n4-lib-clients} ({@code io.p4n4.clients.ClientFactory}).
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
