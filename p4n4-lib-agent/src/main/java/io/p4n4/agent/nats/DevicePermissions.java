package io.p4n4.agent.nats;

import io.p4n4.api.score.DeviceIds;
import java.util.List;

/**
 * The least a device's NATS user must be allowed for its agent to work, and no more: read its own keys
 * {@code <device>.>} of the desired-state bucket (get, list, watch), write its own status key
 * {@code status.<device>}, and receive replies on its own inbox {@code _INBOX.<device>.>} (the agent sets
 * that inbox prefix). Everything else is denied by omission. The subjects were read off a real
 * nats-server (2.9) serving jnats 2.26; docs/nats-security.md explains each.
 *
 * <p>It relies on the server checking the filter in a consumer-create subject against the consumer's
 * configuration (nats-server 2.9+) and on KV gets going through direct gets ({@code allow_direct}, the default
 * for buckets created by this library), whose subject names the key. Stateless.
 */
public final class DevicePermissions {

    private DevicePermissions() {
    }

    /** Returns the inbox prefix a device's connection uses, {@code _INBOX.<device>}. */
    public static String inboxPrefix(String device) {
        return "_INBOX." + DeviceIds.requireValid("device id", device);
    }

    /** Returns the subjects the device may publish to (requests to JetStream, its status writes). */
    public static List<String> publish(String device, String bucket, String statusBucket) {
        DeviceIds.requireValid("device id", device);
        String stream = "KV_" + bucket;
        String own = "$KV." + bucket + "." + device + ".>";
        return List.of(
                // open the buckets (the client reads their configuration)
                "$JS.API.STREAM.INFO." + stream,
                "$JS.API.STREAM.INFO.KV_" + statusBucket,
                // get one of its keys: a direct get whose subject names the key
                "$JS.API.DIRECT.GET." + stream + "." + own,
                // list and watch its keys: an ordered consumer whose filter is in the subject
                "$JS.API.CONSUMER.CREATE." + stream + ".*." + own,
                "$JS.API.CONSUMER.INFO." + stream + ".*",
                // flow-control replies of those consumers
                "$JS.FC." + stream + ".>",
                // its status
                "$KV." + statusBucket + ".status." + device);
    }

    /** Returns the subjects the device may subscribe to: its own inbox. */
    public static List<String> subscribe(String device) {
        return List.of(inboxPrefix(device) + ".>");
    }
}
