/** {@code p4n4 up|down|status|logs}: run a project's stacks on Docker or Podman through p4n4-lib. */
package io.p4n4.cli.run;
