package io.p4n4.api.clients.influx;

/**
 * Receives the records of a streamed Flux query one at a time, as they are parsed from the
 * response, so results of any size use constant memory. Called on the querying thread.
 */
@FunctionalInterface
public interface FluxRecordHandler {

    /**
     * Handles one record.
     *
     * @return {@code true} to continue, {@code false} to stop the query and close its connection
     */
    boolean onRecord(FluxRecord record);
}
