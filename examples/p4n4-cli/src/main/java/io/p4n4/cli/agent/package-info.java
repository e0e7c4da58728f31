/** {@code p4n4 agent ...}: run a device agent, or read a device's reported status. */
package io.p4n4.cli.agent;
