package io.github.dockerstack.load.merge;

/** How the value of a later file combines with the merged value of the earlier ones at one path. */
@FunctionalInterface
interface MergeRule {
    /**
     * The merged value.
     *
     * @param base the earlier value: tag-free and owned by the merge (may be mutated and returned)
     * @param override the later value: not itself tagged, but may hold tags inside
     */
    Object merge(Object base, Object override, TreePath at, Merging merging);
}
