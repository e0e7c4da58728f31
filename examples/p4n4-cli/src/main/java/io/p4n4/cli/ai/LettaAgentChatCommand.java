package io.p4n4.cli.ai;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.api.clients.letta.LettaResponse;
import io.p4n4.cli.output.Json;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.LettaPersonaInit;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ai agent chat NAME MESSAGE}: sends one message to the named agent and streams its answer as
 * Letta writes it ({@code /messages/stream}, token by token): the agent's words on standard output; under
 * {@code --json} every part of the answer as a line, then a result line. Ctrl-C stops the answer.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send a message to a Letta agent and stream its answer.")
public final class LettaAgentChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The agent's name, e.g. site-monitor.")
    String name;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "The message.")
    String message;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            LettaClient letta = options.applyTo(clients.letta()).build();
            Agent agent = LettaPersonaInit.single(letta, name).orElseThrow(() -> new P4n4Exception(ErrorCode.USER,
                    "no Letta agent is named '" + name + "'; create it with p4n4 ai agent init " + name
                            + " (p4n4 ai agent list shows the agents)"));
            boolean json = ServiceOptions.json(spec);
            LettaResponse answer = CtrlC.cancellable("agent-chat",
                    cancel -> letta.send(agent.id(), message, printer(json), cancel));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("type", "result");
                result.put("agentId", agent.id());
                result.put("text", answer.assistantText());
                result.put("messages", answer.messages().stream().map(LettaAgentChatCommand::part).toList());
                result.put("promptTokens", answer.promptTokens());
                result.put("completionTokens", answer.completionTokens());
                result.put("stepCount", answer.stepCount());
                Json.printLine(out, result);
            } else {
                out.println();
                out.flush();
                if (answer.assistantText().isEmpty()) {
                    spec.commandLine().getErr().println("note: the agent answered without words (" + answer.messages()
                            .stream().map(LettaMessage::messageType).distinct().toList() + "); --json shows every part");
                }
            }
            return 0;
        }
    }

    private Consumer<LettaMessage> printer(boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        return part -> {
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("type", "message");
                line.putAll(part(part));
                Json.printLine(out, line);
            } else if (part.isAssistant()) {
                out.print(part.text());
                out.flush();
            }
        };
    }

    private static Map<String, Object> part(LettaMessage m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.id());
        p.put("messageType", m.messageType());
        p.put("text", m.text());
        p.put("date", m.date());
        return p;
    }

}
