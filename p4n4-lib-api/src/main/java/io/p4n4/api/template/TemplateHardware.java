package io.p4n4.api.template;

/**
 * The optional {@code [template.hardware]} table: what a machine needs to run the template.
 *
 * @param minRamGb minimum RAM in GB, 0 when not stated
 * @param minDiskGb minimum disk in GB, 0 when not stated
 * @param gpu whether a GPU is required
 */
public record TemplateHardware(int minRamGb, int minDiskGb, boolean gpu) {
}
