package io.p4n4.cli.agent;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.cli.score.NatsOption;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.identity.StatusVerification;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.JsonError;
import io.p4n4.cli.output.OutputMode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 agent status --device D [--device-key KEY]}: what the device's agent last reported, and whether the
 * report is signed by the device's identity: {@code verified}, {@code unsigned} or {@code BAD SIGNATURE}
 * (modified after signing, copied from another device, or not by the pinned key). A bad signature, or an
 * unsigned report when a key is pinned, exits 5 after showing what was read.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a device agent's last status"
        + " and check its signature.")
public final class AgentStatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "The device.")
    String device;

    @Option(names = "--device-key", paramLabel = "KEY", description = "The device's public key (base64, or its"
            + " 16-digit id) as its agent logged it at first start: the status must be signed by it.")
    String deviceKey;

    @Override
    public Integer call() {
        String document;
        try (NatsDesiredStateStore store = nats.open()) {
            document = store.findStatus(device).orElseThrow(() -> new P4n4Exception(
                    ErrorCode.USER, "device '" + device + "' has never reported a status to " + nats.url()
                            + "; is its agent running and configured with this NATS?"));
        }
        StatusVerification check = StatusVerification.verify(document, device, deviceKey);
        AgentStatus status = AgentStatusJson.read(document);
        P4n4Exception refusal = refusal(check);
        PrintWriter out = spec.commandLine().getOut();
        if (OutputMode.json(spec)) {
            if (refusal != null) {
                Json.printLine(out, JsonError.withDetail(refusal, "status", json(status, check)));
                return refusal.code().exitCode();
            }
            Json.printDocument(out, json(status, check));
            return 0;
        }
        out.printf("device %s: %s (at %s)%n", status.deviceId(), status.state(), status.timestamp());
        out.printf("signature: %s (%s)%n", check.verdict().label(), check.detail());
        if (status.lastError() != null) {
            out.println("last error: " + status.lastError());
        }
        for (DeploymentStatus d : status.deployments().values()) {
            out.printf("  %-20s %-9s rev %-6d %s%n", d.deployment(), d.state(), d.revision(),
                    d.message() == null ? "" : d.message());
        }
        if (refusal != null) {
            out.flush();
            throw refusal;
        }
        return 0;
    }

    /** A bad signature, or no signature where a key is pinned: what was shown cannot be trusted. */
    private P4n4Exception refusal(StatusVerification check) {
        if (check.verdict() == StatusVerification.Verdict.BAD_SIGNATURE) {
            return new P4n4Exception(ErrorCode.VALIDATION, "the status of device " + device + " has a BAD SIGNATURE: "
                    + check.detail() + "; do not trust what it says");
        }
        if (deviceKey != null && check.verdict() == StatusVerification.Verdict.UNSIGNED) {
            return new P4n4Exception(ErrorCode.VALIDATION, "the status of device " + device + " is unsigned, but"
                    + " --device-key expects it signed by " + deviceKey.trim() + "; do not trust what it says");
        }
        return null;
    }

    private static Map<String, Object> json(AgentStatus status, StatusVerification check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", status.deviceId());
        m.put("state", status.state().toString().toLowerCase(Locale.ROOT));
        m.put("time", String.valueOf(status.timestamp()));
        m.put("last_error", status.lastError());
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("verdict", check.verdict().name().toLowerCase(Locale.ROOT));
        signature.put("key_id", check.keyId());
        signature.put("public_key", check.publicKey());
        signature.put("detail", check.detail());
        m.put("signature", signature);
        m.put("deployments", status.deployments().values().stream().map(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("deployment", d.deployment());
            dm.put("state", d.state().toString().toLowerCase(Locale.ROOT));
            dm.put("revision", d.revision());
            dm.put("message", d.message());
            return dm;
        }).toList());
        return m;
    }
}
