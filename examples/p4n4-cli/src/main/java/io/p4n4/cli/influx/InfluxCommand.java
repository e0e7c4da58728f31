package io.p4n4.cli.influx;

import picocli.CommandLine.Command;

/** {@code p4n4 influx}: the IoT stack's InfluxDB 2. */
@Command(name = "influx", description = "Write to and query the IoT stack's InfluxDB 2.", mixinStandardHelpOptions = true,
        subcommands = {InfluxWriteCommand.class, InfluxQueryCommand.class})
public final class InfluxCommand {
}
