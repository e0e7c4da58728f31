/**
 * p4n4-lib API: contracts, value types, errors and SPIs. No runtime dependencies.
 */
module io.p4n4.api {
    exports io.p4n4.api;
    exports io.p4n4.api.clients;
    exports io.p4n4.api.clients.edgeimpulse;
    exports io.p4n4.api.clients.letta;
    exports io.p4n4.api.clients.ollama;
    exports io.p4n4.api.clients.influx;
    exports io.p4n4.api.engine;
    exports io.p4n4.api.project;
    exports io.p4n4.api.score;
    exports io.p4n4.api.spi;
}
