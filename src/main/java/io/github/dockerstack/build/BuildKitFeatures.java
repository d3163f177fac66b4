package io.github.dockerstack.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds Dockerfile syntax that only BuildKit understands. The plugin builds through docker-java,
 * which drives the engine's classic builder (the {@code /build} API without BuildKit's session),
 * so these fail there, or are ignored. Checked against engine 20.10's classic builder and moby's
 * current one: RUN flags and COPY/ADD {@code --chmod} are refused on every engine version; other
 * COPY/ADD flags are "Unknown flag" on 20.10; heredoc bodies are parsed as instructions.
 */
public final class BuildKitFeatures {
    private static final String WHY = "the plugin builds through docker-java, which drives the engine's classic builder (BuildKit needs"
            + " a session API docker-java does not have)";
    private static final Set<String> COPY_FLAGS_BUILDKIT_ONLY = Set.of("chmod", "link", "parents", "exclude");
    private static final Set<String> ADD_FLAGS_BUILDKIT_ONLY = Set.of("chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack");
    private static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM",
            "TARGETOS", "TARGETARCH", "TARGETVARIANT");
    private static final Pattern PLATFORM_VARIABLE = Pattern.compile("\\$\\{?(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)\\b");

    private BuildKitFeatures() {
    }

    /** How bad a finding is. */
    public enum Severity {
        /** the classic builder refuses the Dockerfile */
        ERROR,
        /** the classic builder builds, but not what BuildKit would */
        WARNING
    }

    /**
     * One BuildKit-only use.
     *
     * @param file the Dockerfile as messages name it
     * @param line its line
     * @param severity error or warning
     * @param feature what it is ("RUN --mount")
     * @param message what happens and what to change
     */
    public record Finding(String file, int line, Severity severity, String feature, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** All findings in {@code dockerfile}, in line order. */
    public static List<Finding> check(Dockerfile dockerfile) {
        List<Finding> findings = new ArrayList<>();
        String file = dockerfile.name();
        Dockerfile.Directive syntax = dockerfile.directives().get("syntax");
        if (syntax != null) {
            findings.add(new Finding(file, syntax.line(), Severity.WARNING, "# syntax", "the syntax directive '" + syntax.value()
                    + "' selects a BuildKit frontend; " + WHY + ", which ignores it and parses with its built-in Dockerfile syntax"));
        }
        for (Dockerfile.Instruction in : dockerfile.instructions()) {
            String keyword = in.keyword();
            if (!in.heredocs().isEmpty()) {
                findings.add(error(file, in, keyword + " <<" + in.heredocs().get(0), "heredocs (" + keyword + " <<" + in.heredocs().get(0)
                        + ") need BuildKit; " + WHY + ", which reads the heredoc's lines as instructions. Put the commands on the " + keyword
                        + " line (joined with && and \\ line continuations) or into a script file that you COPY"));
                continue;
            }
            switch (keyword) {
                case "RUN" -> in.flags().keySet().forEach(flag -> findings.add(error(file, in, "RUN --" + flag,
                        "RUN --" + flag + " needs BuildKit; " + WHY + ", which refuses every RUN flag (\"the --" + flag
                                + " option requires BuildKit\"). " + runAdvice(flag))));
                case "COPY", "ADD" -> {
                    Set<String> buildKitOnly = keyword.equals("COPY") ? COPY_FLAGS_BUILDKIT_ONLY : ADD_FLAGS_BUILDKIT_ONLY;
                    for (String flag : in.flags().keySet()) {
                        if (buildKitOnly.contains(flag)) {
                            findings.add(error(file, in, keyword + " --" + flag, keyword + " --" + flag + " needs BuildKit; " + WHY
                                    + ", which does not support it. " + copyAdvice(keyword, flag)));
                        }
                    }
                }
                case "FROM" -> {
                    String platform = in.flags().get("platform");
                    if (platform != null && PLATFORM_VARIABLE.matcher(platform).find()) {
                        findings.add(error(file, in, "FROM --platform=" + platform, "FROM --platform=" + platform + " uses a platform"
                                + " variable that only BuildKit sets; " + WHY + ", which leaves it empty and fails. Remove --platform or"
                                + " name a platform (linux/amd64)"));
                    }
                }
                case "ARG" -> {
                    for (String decl : in.arguments().split("\\s+")) {
                        String name = decl.contains("=") ? decl.substring(0, decl.indexOf('=')) : decl;
                        if (!decl.contains("=") && PLATFORM_ARGS.contains(name)) {
                            findings.add(new Finding(file, in.line(), Severity.WARNING, "ARG " + name, "ARG " + name + " is set by"
                                    + " BuildKit only; " + WHY + ", which leaves it empty unless the build passes it as a build arg"
                                    + " (build.args: " + name + ": ...)"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return findings;
    }

    /** The errors only. */
    public static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static Finding error(String file, Dockerfile.Instruction in, String feature, String message) {
        return new Finding(file, in.line(), Severity.ERROR, feature, message);
    }

    private static String runAdvice(String flag) {
        return switch (flag.toLowerCase(Locale.ROOT)) {
            case "mount" -> "Remove it: COPY the files a bind mount would give, drop a cache mount (the step then downloads every time),"
                    + " and pass a secret as a build arg only if it may end up in the image history";
            case "network" -> "Remove it; build.network sets the network of all RUN steps";
            case "security" -> "Remove it; the classic builder cannot run privileged steps";
            default -> "Remove it";
        };
    }

    private static String copyAdvice(String keyword, String flag) {
        return switch (flag) {
            case "chmod" -> "Drop --chmod and set the mode in the context (chmod on the host) or with a RUN chmod after the " + keyword;
            case "link" -> "Drop --link: it only changes how the layer is cached, not what is copied";
            case "checksum" -> "Drop --checksum and verify the download in a RUN step (sha256sum -c)";
            default -> "Drop --" + flag + " and spell the copy out with plain " + keyword + " instructions";
        };
    }
}
