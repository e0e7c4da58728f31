/**
 * p4n4-lib API: contracts, value types, errors and SPIs. No runtime dependencies: the two annotation
 * modules below are needed to compile against the API (its packages carry their marks), not to run it.
 */
module io.p4n4.api {
    requires static transitive org.apiguardian.api;
    requires static transitive org.jspecify;

    exports io.p4n4.api;
    exports io.p4n4.api.clients;
    exports io.p4n4.api.clients.edgeimpulse;
    exports io.p4n4.api.clients.letta;
    exports io.p4n4.api.clients.ollama;
    exports io.p4n4.api.clients.influx;
    exports io.p4n4.api.clients.mqtt;
    exports io.p4n4.api.engine;
    exports io.p4n4.api.project;
    exports io.p4n4.api.registry;
    exports io.p4n4.api.score;
    exports io.p4n4.api.spi;
    exports io.p4n4.api.template;
}
