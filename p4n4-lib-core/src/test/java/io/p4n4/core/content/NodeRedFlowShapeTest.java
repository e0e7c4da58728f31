package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The flows checker refuses each way a file breaks Node-RED's import, so a clean result means something. */
class NodeRedFlowShapeTest {

    private static JsonNode flows(String json) throws Exception {
        return BundledContent.JSON.readTree(json.replace('\'', '"'));
    }

    private static final String SUBFLOW = "{'id':'sf','type':'subflow','in':[{'wires':[{'id':'f'}]}],"
            + "'out':[{'wires':[{'id':'f','port':0}]}]},"
            + "{'id':'f','type':'function','z':'sf','outputs':1,'wires':[[]]}";

    @Test
    void aWellFormedFileWithASubflowInstancePasses() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[{'id':'t','type':'tab'}," + SUBFLOW
                + ",{'id':'i','type':'inject','z':'t','wires':[['s']]},{'id':'s','type':'subflow:sf','z':'t',"
                + "'wires':[[]]}]"))).isEmpty();
    }

    @Test
    void aWireToAMissingNodeIsRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[{'id':'t','type':'tab'},{'id':'i','type':'inject','z':'t',"
                + "'wires':[['gone']]}]"))).containsExactly("i: wired to missing node gone");
    }

    @Test
    void anInstanceOfAnUndefinedSubflowIsRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[{'id':'t','type':'tab'},{'id':'s','type':'subflow:nope',"
                + "'z':'t','wires':[]}]"))).containsExactly("s: subflow:nope names no subflow definition in the file");
    }

    @Test
    void aWireAcrossTabsAndADuplicateIdAreRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[{'id':'t','type':'tab'},{'id':'u','type':'tab'},"
                + "{'id':'a','type':'inject','z':'t','wires':[['b']]},{'id':'b','type':'debug','z':'u','wires':[]},"
                + "{'id':'b','type':'debug','z':'u'}]")))
                .containsExactlyInAnyOrder("duplicate id b", "a: wired to b on another tab or subflow");
    }

    @Test
    void aSubflowOutputFromAPortTheNodeDoesNotHaveIsRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[" + SUBFLOW.replace("'port':0", "'port':1") + "]")))
                .containsExactly("sf: output wire from port 1 of f, which has 1 output(s)");
    }

    @Test
    void aFunctionWithFewerWireArraysThanOutputsIsRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[" + SUBFLOW.replace("'outputs':1", "'outputs':2") + "]")))
                .contains("f: 2 outputs but 1 wire arrays");
    }

    @Test
    void anMqttNodeWithoutItsBrokerIsRefused() throws Exception {
        assertThat(NodeRedFlowShape.problems(flows("[{'id':'t','type':'tab'},{'id':'m','type':'mqtt in','z':'t',"
                + "'broker':'b','wires':[[]]}]"))).containsExactly("m: broker b is no mqtt-broker node in the file");
    }
}
