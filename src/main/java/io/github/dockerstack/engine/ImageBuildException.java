package io.github.dockerstack.engine;

import io.github.dockerstack.error.StackException;
import java.util.List;

/**
 * An image build failed in the Dockerfile: a step failed ("Step 3/5 : RUN false" ... "returned a
 * non-zero code: 1"), the Dockerfile was refused ("dockerfile parse error line 2: Unknown flag:
 * mount"), a base image could not be pulled or the target stage does not exist. Kind
 * {@link Kind#USER}: the fix is in the Dockerfile, the context or the build settings, so the Maven
 * edge reports it without a stack trace. An unreachable engine is an {@link EngineException}
 * instead.
 */
public final class ImageBuildException extends StackException {
    private final String image;
    private final Integer stepNumber;
    private final Integer stepCount;
    private final String step;
    private final String engineMessage;
    private final Integer exitCode;
    private final String dockerfile;
    private final Integer line;
    private final List<String> outputTail;

    /**
     * @param image the image being built (its first tag), or null
     * @param stepNumber the number N of "Step N/M", or null when no step ran
     * @param stepCount the M of "Step N/M", or null
     * @param step the step line without "Step N/M : " ("RUN false"), or null
     * @param engineMessage the engine's error, verbatim
     * @param exitCode the failed command's exit code, or null
     * @param dockerfile the Dockerfile as the user names it, or null
     * @param line the Dockerfile line of the failed instruction, or null when unknown
     * @param outputTail the last output lines of the build
     */
    public ImageBuildException(String image, Integer stepNumber, Integer stepCount, String step, String engineMessage, Integer exitCode,
                               String dockerfile, Integer line, List<String> outputTail) {
        super(Kind.USER, message(image, stepNumber, stepCount, step, engineMessage, dockerfile, line, outputTail), null);
        this.image = image;
        this.stepNumber = stepNumber;
        this.stepCount = stepCount;
        this.step = step;
        this.engineMessage = engineMessage;
        this.exitCode = exitCode;
        this.dockerfile = dockerfile;
        this.line = line;
        this.outputTail = outputTail == null ? List.of() : List.copyOf(outputTail);
    }

    /** The same failure, located in {@code dockerfile} at {@code line} (null keeps the line known so far). */
    public ImageBuildException at(String dockerfileName, Integer dockerfileLine) {
        return new ImageBuildException(image, stepNumber, stepCount, step, engineMessage, exitCode, dockerfileName,
                dockerfileLine != null ? dockerfileLine : line, outputTail);
    }

    private static String message(String image, Integer stepNumber, Integer stepCount, String step, String engineMessage, String dockerfile,
                                  Integer line, List<String> outputTail) {
        StringBuilder sb = new StringBuilder("Building image ").append(image == null ? "(untagged)" : image).append(" failed");
        if (dockerfile != null || line != null) {
            sb.append(" at ").append(dockerfile == null ? "Dockerfile" : dockerfile);
            if (line != null) {
                sb.append(':').append(line);
            }
        }
        if (step != null) {
            sb.append(" (").append(stepNumber == null ? "" : "Step " + stepNumber + (stepCount == null ? "" : "/" + stepCount) + " : ")
                    .append(step).append(')');
        }
        sb.append(": ").append(engineMessage == null ? "unknown error" : engineMessage.strip());
        if (outputTail != null && !outputTail.isEmpty()) {
            sb.append("\nLast build output:\n").append(String.join("\n", outputTail).indent(4).stripTrailing());
        }
        return sb.toString();
    }

    public String image() {
        return image;
    }

    /** N of "Step N/M", or null. */
    public Integer stepNumber() {
        return stepNumber;
    }

    /** M of "Step N/M", or null. */
    public Integer stepCount() {
        return stepCount;
    }

    /** The failed instruction as the builder printed it ("RUN false"), or null. */
    public String step() {
        return step;
    }

    public String engineMessage() {
        return engineMessage;
    }

    /** The failed command's exit code, or null. */
    public Integer exitCode() {
        return exitCode;
    }

    public String dockerfile() {
        return dockerfile;
    }

    /** Line of the failed instruction in the Dockerfile, or null. */
    public Integer line() {
        return line;
    }

    public List<String> outputTail() {
        return outputTail;
    }
}
