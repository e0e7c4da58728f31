package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The n8n checker refuses each way a workflow breaks n8n's import, so a clean result means something. */
class N8nWorkflowShapeTest {

    private static JsonNode wf(String connections) throws Exception {
        return BundledContent.JSON.readTree(("{'name':'w','nodes':["
                + "{'name':'A','type':'n8n-nodes-base.scheduleTrigger','typeVersion':1.2,'position':[0,0],'parameters':{}},"
                + "{'name':'B','type':'n8n-nodes-base.set','typeVersion':3.4,'position':[240,0],'parameters':{}}],"
                + "'connections':" + connections + "}").replace('\'', '"'));
    }

    @Test
    void aConnectedPairPasses() throws Exception {
        assertThat(N8nWorkflowShape.problems(wf("{'A':{'main':[[{'node':'B','type':'main','index':0}]]}}")))
                .isEmpty();
    }

    @Test
    void aConnectionToAMissingNodeIsRefused() throws Exception {
        assertThat(N8nWorkflowShape.problems(wf("{'A':{'main':[[{'node':'C','type':'main','index':0}]]}}")))
                .containsExactly("A: connected to missing node \"C\"");
    }

    @Test
    void aConnectionFromAMissingNodeIsRefused() throws Exception {
        assertThat(N8nWorkflowShape.problems(wf("{'Z':{'main':[[{'node':'B','type':'main','index':0}]]}}")))
                .containsExactly("connections from missing node Z");
    }

    @Test
    void aFileWithoutConnectionsIsRefused() throws Exception {
        assertThat(N8nWorkflowShape.problems(BundledContent.JSON.readTree("{\"name\":\"w\",\"nodes\":[]}")))
                .containsExactly("a workflow is an object with a nodes array and a connections object");
    }
}
