package io.github.dockerstack.model;

/**
 * A service volume entry in the long syntax.
 *
 * @param type "bind", "volume", "tmpfs", "npipe", "cluster" or "image"
 * @param source host path (absolute, for bind), volume name (key of the project's volumes), or null
 * @param target path inside the container
 * @param readOnly mount read-only
 * @param consistency optional consistency hint (ignored by Linux engines)
 * @param bind bind options, only for type bind
 * @param volume volume options, only for type volume
 * @param tmpfs tmpfs options, only for type tmpfs
 */
public record Mount(String type, String source, String target, boolean readOnly, String consistency,
                    BindOptions bind, VolumeOptions volume, TmpfsOptions tmpfs) {

    /** @param propagation bind propagation; @param createHostPath create the host directory when missing; @param selinux "z" or "Z" */
    public record BindOptions(String propagation, Boolean createHostPath, String selinux) {
    }

    /** @param nocopy do not copy the image's data into a new volume; @param subpath a path inside the volume */
    public record VolumeOptions(Boolean nocopy, String subpath) {
    }

    /** @param size size in bytes, or null; @param mode file mode (octal as an int), or null */
    public record TmpfsOptions(Long size, Integer mode) {
    }
}
