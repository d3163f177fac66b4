package io.github.dockerstack.load.yaml;

/**
 * A value carrying compose's merge tags: {@code !reset} (drop what earlier files set) and
 * {@code !override} (replace instead of merging). The merge stage consumes them; none survive it.
 */
public record Tagged(Tag tag, Object value) {
    public enum Tag {
        RESET("!reset"),
        OVERRIDE("!override");

        private final String yaml;

        Tag(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }
}
