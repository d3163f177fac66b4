package io.github.dockerstack.exec;

/** Where the executors report what they do; the facade turns it into its events. */
public interface Progress {
    /** A step done, e.g. "Container shop-web-1  Started  0.4s". */
    void info(String service, String message);

    /** Something the user should know and may want to change. */
    void warn(String service, String message);

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void info(String service, String message) {
        }

        @Override
        public void warn(String service, String message) {
        }
    };
}
